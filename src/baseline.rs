//! Baselines: record today's findings in a file, then report only findings that are not
//! in it, so a team can adopt plainly on an existing docs tree without fixing everything
//! first.
//!
//! A finding is identified by its *fingerprint*, which survives lines moving: it is made
//! from the rule id, the file's path (with `/` separators), the flagged text with every
//! run of whitespace made one space (so re-wrapping a paragraph keeps it), and the
//! finding's occurrence index among the file's findings of that rule with that same
//! text, in position order. Line numbers are not part of it. For rules about the whole
//! message (`Scope::Message`: missing-ask, too-long, buried-*, …) the text is left out,
//! since their anchor sentence moves as the message is edited while the problem stays:
//! such a finding stays baselined as long as the message has no more findings of that
//! rule than were recorded.
//!
//! The fingerprint is the 64-bit FNV-1a hash of `rule \0 path \0 text \0 occurrence`
//! (occurrence in decimal), as 16 lowercase hex digits. FNV has fixed constants, so
//! the value is the same on every machine and every run (unlike std's `RandomState`).
//! SARIF's `partialFingerprints` and GitLab's `fingerprint` use it too.
//!
//! The file is pretty JSON, sorted by path, rule, text and occurrence, one finding per
//! few lines, so it diffs well in review:
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {
//!       "path": "docs/guide.md",
//!       "rule": "jargon",
//!       "text": "leverage",
//!       "occurrence": 0,
//!       "fingerprint": "5b0ad2a2b1c8f1e4"
//!     }
//!   ]
//! }
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::report::FileReport;
use crate::rules::{self, Scope};

/// The version of the baseline file format this plainly reads and writes.
pub const VERSION: u32 = 1;

/// One recorded finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The file's path as reported, with `/` separators.
    pub path: String,
    /// The rule id.
    pub rule: String,
    /// The flagged text with whitespace runs made one space; empty for whole-message rules.
    pub text: String,
    /// Index among the file's findings with the same rule and text, in position order.
    pub occurrence: usize,
    /// The hash of the four fields above (see the module documentation).
    pub fingerprint: String,
}

impl Entry {
    fn new(path: String, rule: String, text: String, occurrence: usize) -> Entry {
        let fingerprint = fingerprint(&path, &rule, &text, occurrence);
        Entry { path, rule, text, occurrence, fingerprint }
    }
}

/// The baseline file's shape.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

/// The fingerprint of one finding: FNV-1a 64 of `rule \0 path \0 text \0 occurrence`.
pub fn fingerprint(path: &str, rule: &str, text: &str, occurrence: usize) -> String {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let occurrence = occurrence.to_string();
    let mut hash = OFFSET_BASIS;
    for (i, part) in [rule, path, text, occurrence.as_str()].into_iter().enumerate() {
        // The separator keeps ("ab", "c") and ("a", "bc") apart.
        let separator: &[u8] = if i == 0 { b"" } else { b"\0" };
        for &byte in separator.iter().chain(part.as_bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    format!("{hash:016x}")
}

/// One entry per diagnostic of `report`, in the same order.
pub fn entries(report: &FileReport) -> Vec<Entry> {
    let path = report.path.replace('\\', "/");
    let mut seen: HashMap<(&str, String), usize> = HashMap::new();
    report
        .diagnostics
        .iter()
        .map(|diagnostic| {
            let whole_message = rules::by_id(diagnostic.rule).is_some_and(|rule| rule.meta().scope == Scope::Message);
            let text = if whole_message { String::new() } else { normalize(&diagnostic.text) };
            let count = seen.entry((diagnostic.rule, text.clone())).or_insert(0);
            let occurrence = *count;
            *count += 1;
            Entry::new(path.clone(), diagnostic.rule.to_string(), text, occurrence)
        })
        .collect()
}

/// Every run of whitespace as one space, without leading or trailing whitespace.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The baseline file recording every diagnostic in `reports`: sorted, pretty JSON.
pub fn render(reports: &[FileReport]) -> String {
    let mut findings: Vec<Entry> = reports.iter().flat_map(entries).collect();
    findings.sort();
    let file = BaselineFile { version: VERSION, findings };
    let mut text = serde_json::to_string_pretty(&file).expect("a baseline always serializes");
    text.push('\n');
    text
}

/// What is wrong with a baseline file, with the place when there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaselineError {
    /// 1-based line of the problem, when known.
    pub line: Option<usize>,
    /// 1-based column of the problem, when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{line}:{column}: {}", self.message),
            (Some(line), None) => write!(f, "{line}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for BaselineError {}

/// The fingerprints of a baseline file's findings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    fingerprints: HashSet<String>,
}

impl Baseline {
    /// Reads a baseline file's text. Every entry's fingerprint must match its fields, so a
    /// hand-edited entry is an error rather than a finding silently reported or hidden.
    pub fn parse(text: &str) -> Result<Baseline, BaselineError> {
        let at = |err: &serde_json::Error, message: String| BaselineError {
            line: Some(err.line()),
            column: Some(err.column().max(1)),
            message,
        };
        // Read the version first, so a newer file is refused for its version and not
        // for a field this plainly does not know.
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|err| at(&err, format!("not valid JSON: {}", strip_place(&err))))?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(version) if version == u64::from(VERSION) => {}
            Some(version) => {
                return Err(BaselineError::whole(format!(
                    "baseline version {version} is not supported; this plainly reads version {VERSION}"
                )));
            }
            None => {
                return Err(BaselineError::whole(
                    "not a plainly baseline: no \"version\" number (write one with --write-baseline)".into(),
                ));
            }
        }
        let file: BaselineFile = serde_json::from_str(text)
            .map_err(|err| at(&err, format!("not a plainly baseline: {}", strip_place(&err))))?;
        let mut fingerprints = HashSet::with_capacity(file.findings.len());
        for (i, entry) in file.findings.iter().enumerate() {
            let expected = fingerprint(&entry.path, &entry.rule, &entry.text, entry.occurrence);
            if entry.fingerprint != expected {
                return Err(BaselineError::whole(format!(
                    "finding {} ({} in {}): fingerprint {} does not match its path, rule, text and occurrence (expected {expected})",
                    i + 1,
                    entry.rule,
                    entry.path,
                    entry.fingerprint
                )));
            }
            fingerprints.insert(expected);
        }
        Ok(Baseline { fingerprints })
    }

    /// The number of findings recorded.
    pub fn len(&self) -> usize {
        self.fingerprints.len()
    }

    /// Whether no finding is recorded.
    pub fn is_empty(&self) -> bool {
        self.fingerprints.is_empty()
    }

    /// Removes from `report` every diagnostic the baseline records. The score stays the
    /// file's score: it describes the file, not the change.
    pub fn filter(&self, report: &mut FileReport) {
        let known: Vec<bool> = entries(report).iter().map(|e| self.fingerprints.contains(&e.fingerprint)).collect();
        let mut known = known.into_iter();
        report.diagnostics.retain(|_| !known.next().unwrap_or(false));
    }
}

impl BaselineError {
    fn whole(message: String) -> BaselineError {
        BaselineError { line: None, column: None, message }
    }
}

/// serde_json's message without its " at line L column C" suffix (we print the place first).
fn strip_place(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::testing::sample;

    #[test]
    fn fingerprint_is_fixed() {
        // A change here breaks every baseline file in the wild: bump VERSION instead.
        assert_eq!(
            fingerprint("docs/a.md", "jargon", "leverage", 0),
            fingerprint("docs/a.md", "jargon", "leverage", 0)
        );
        assert_eq!(fingerprint("", "", "", 0), "4d25467f9dcdc265");
        assert_ne!(fingerprint("a", "jargon", "bc", 0), fingerprint("ab", "jargon", "c", 0));
    }

    #[test]
    fn whitespace_runs_do_not_change_the_text() {
        assert_eq!(normalize("  circle\r\n back\t on  "), "circle back on");
    }

    #[test]
    fn occurrences_count_same_rule_and_text() {
        let mut report = sample().remove(1);
        assert_eq!(report.path, "docs/guide.md");
        let first = report.diagnostics[0].clone();
        report.diagnostics.push(first.clone());
        report.diagnostics.push(first);
        let entries = entries(&report);
        let same: Vec<usize> = entries
            .iter()
            .filter(|e| e.rule == entries[0].rule && e.text == entries[0].text)
            .map(|e| e.occurrence)
            .collect();
        assert_eq!(same, [0, 1, 2]);
    }

    #[test]
    fn whole_message_findings_leave_the_text_out() {
        let reports = sample();
        let all: Vec<Entry> = reports.iter().flat_map(entries).collect();
        let missing_ask = all.iter().find(|e| e.rule == "missing-ask").expect("the sample has one");
        assert_eq!(missing_ask.text, "");
        let jargon = all.iter().find(|e| e.rule == "jargon").expect("the sample has one");
        assert_eq!(jargon.text, "leverage");
    }

    #[test]
    fn render_then_parse_filters_everything() {
        let reports = sample();
        let baseline = Baseline::parse(&render(&reports)).expect("a rendered baseline parses");
        assert_eq!(baseline.len(), reports.iter().map(|r| r.diagnostics.len()).sum::<usize>());
        for mut report in reports {
            let score = report.score;
            baseline.filter(&mut report);
            assert!(report.diagnostics.is_empty(), "{}", report.path);
            assert_eq!(report.score, score);
        }
    }

    #[test]
    fn render_is_sorted_and_stable() {
        let mut reports = sample();
        let text = render(&reports);
        reports.reverse();
        assert_eq!(render(&reports), text);
        let file: BaselineFile = serde_json::from_str(&text).expect("valid");
        let mut sorted = file.findings.clone();
        sorted.sort();
        assert_eq!(file.findings, sorted);
        insta::assert_snapshot!(text);
    }

    #[test]
    fn broken_files_say_where_and_what() {
        let err = Baseline::parse("{\n  \"version\": 1,\n  \"findings\": [\n    {\"path\": 3}\n  ]\n}").unwrap_err();
        assert_eq!(err.line, Some(4));
        assert!(err.to_string().starts_with("4:"), "{err}");
        assert!(err.to_string().contains("invalid type: integer `3`, expected a string"), "{err}");

        let err = Baseline::parse("{\"version\": 1,\n").unwrap_err();
        assert!(err.to_string().starts_with("2:1: not valid JSON"), "{err}");

        let err = Baseline::parse("{\"version\": 1, \"findings\": [{\"path\": \"a\"}]}").unwrap_err();
        assert!(err.to_string().contains("not a plainly baseline: missing field `rule`"), "{err}");

        let err = Baseline::parse("[]").unwrap_err();
        assert!(err.to_string().contains("no \"version\""), "{err}");

        let err = Baseline::parse("{\"version\": 2, \"findings\": []}").unwrap_err();
        assert!(err.to_string().contains("version 2 is not supported"), "{err}");

        let tampered = render(&sample()).replacen("\"leverage\"", "\"leveraged\"", 1);
        let err = Baseline::parse(&tampered).unwrap_err();
        assert!(err.to_string().contains("fingerprint"), "{err}");
        assert!(err.to_string().contains("jargon in docs/guide.md"), "{err}");
    }
}
