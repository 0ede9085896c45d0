//! `--format gitlab`: a GitLab Code Quality report, the JSON array GitLab reads from a
//! job's `artifacts:reports:codequality` to annotate merge requests.
//!
//! Each finding is `{description, check_name, fingerprint, severity, location: {path,
//! lines: {begin}}}`. The fingerprint is the baseline's (see `crate::baseline`): GitLab
//! compares fingerprints between the merge request and its target branch, so a finding
//! that only moved is not shown as new. Severities map info → minor, warning → major,
//! error → critical. The format has no place for the clarity score.

use std::io::{self, Write};

use serde::Serialize;

use super::{Report, Run};
use crate::baseline;
use crate::finding::Severity;

/// The GitLab Code Quality reporter.
pub struct Gitlab;

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

impl Report for Gitlab {
    fn write(&self, out: &mut dyn Write, run: &Run) -> io::Result<()> {
        let mut issues = Vec::new();
        for report in &run.files {
            let path = report.path.replace('\\', "/");
            for (d, entry) in report.diagnostics.iter().zip(baseline::entries(report)) {
                issues.push(Issue {
                    description: &d.message,
                    check_name: d.rule,
                    fingerprint: entry.fingerprint,
                    severity: match d.severity {
                        Severity::Info => "minor",
                        Severity::Warning => "major",
                        Severity::Error => "critical",
                    },
                    location: Location { path: path.clone(), lines: Lines { begin: d.range.start.line } },
                });
            }
        }
        serde_json::to_writer_pretty(&mut *out, &issues)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::output::Format;
    use crate::output::testing::{render, sample};

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render(Format::Gitlab, &sample()));
    }

    #[test]
    fn fingerprints_are_unique() {
        let issues: serde_json::Value = serde_json::from_str(&render(Format::Gitlab, &sample())).expect("JSON");
        let mut fingerprints: Vec<&str> =
            issues.as_array().expect("array").iter().filter_map(|i| i["fingerprint"].as_str()).collect();
        let n = fingerprints.len();
        fingerprints.sort_unstable();
        fingerprints.dedup();
        assert_eq!(fingerprints.len(), n);
    }

    #[test]
    fn nothing_found_is_an_empty_array() {
        assert_eq!(render(Format::Gitlab, &[]), "[]\n");
    }
}
