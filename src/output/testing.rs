//! The one sample of reports every format's snapshot test prints.
//!
//! The findings are made by hand, not by the rules, so a change to a rule's wording does
//! not churn five snapshots; the sources carry what the formats must get right: CRLF line
//! ends, a character outside the BMP before a finding, a finding over two lines, a
//! zero-width fix, an error-level finding, characters GitHub's workflow commands must
//! escape (`%`, `,`, `:` and a line break), a path with a space and a comma, and a file
//! with no findings.

use super::{FileReport, Format, Run, RunError};
use crate::Checked;
use crate::Profile;
use crate::finding::{Finding, Fix, Severity};
use crate::span::Span;

/// The sample: three files, in path order.
pub(crate) fn sample() -> Vec<FileReport> {
    let guide = "# Guide\r\n\r\n🚀 We leverage the cache.\r\nThe build runs at 3pm daily.\r\n";
    let notes = "Shipped the importer: 100% of rows, no errors.\nNext, the exporter,\nASAP.\n";
    let readme = "All good here.\n";
    let mut reports = vec![
        report(
            "docs/guide.md",
            guide,
            Profile::Doc,
            vec![
                finding(guide, "leverage", "jargon", Severity::Info, "“leverage” is jargon: say “use”.")
                    .with_fix(Fix::replace(span_of(guide, "leverage"), "use")),
                finding(guide, "3pm", "time-zone", Severity::Warning, "“3pm” has no time zone."),
            ],
        ),
        report(
            "notes/status, week 1.txt",
            notes,
            Profile::Message,
            vec![
                finding(
                    notes,
                    "Shipped the importer: 100% of rows, no errors.",
                    "missing-ask",
                    Severity::Warning,
                    "This message asks nothing: say what you need,\nor mark it FYI.",
                )
                .with_fix(Fix { title: "Mark it FYI".into(), ..Fix::replace(Span::empty(0), "FYI: ") }),
                finding(notes, "Next, the exporter,\nASAP.", "wall-of-text", Severity::Info, "A long paragraph."),
                finding(notes, "ASAP", "vague-deadline", Severity::Error, "“ASAP” is not a time: 100%, say when."),
            ],
        ),
        report("README.md", readme, Profile::Doc, Vec::new()),
    ];
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    reports
}

/// What `format` prints for `reports`, without colour.
pub(crate) fn render(format: Format, reports: &[FileReport]) -> String {
    render_run(format, &Run::checked(reports.to_vec()))
}

/// What `format` prints for a whole run, without colour.
pub(crate) fn render_run(format: Format, run: &Run) -> String {
    let mut out = anstream::StripStream::new(Vec::new());
    format.reporter(false).write(&mut out, run).expect("writing to memory cannot fail");
    String::from_utf8(out.into_inner()).expect("reports are UTF-8")
}

/// The sample with two inputs that could not be checked: a binary file, and a file under
/// a broken config.
pub(crate) fn sample_with_errors() -> Run {
    let errors = vec![
        RunError {
            line: Some(2),
            column: Some(19),
            ..RunError::new("plainly.toml", "rule `long-sentence` has no option `max-wrds`")
        },
        RunError::new("logo, v2.txt", "binary file (contains NUL bytes); not checked"),
    ];
    Run { files: sample(), errors, unchecked: 2, min_score: None }
}

pub(crate) fn report(path: &str, source: &str, profile: Profile, mut findings: Vec<Finding>) -> FileReport {
    findings.sort_by_key(|f| (f.span.start, f.span.end));
    let score = crate::engine::score::score(&findings);
    let words = source.split_whitespace().count();
    FileReport::new(
        path.to_string(),
        source,
        Checked { profile, findings, score, words, warnings: Vec::new(), language: None },
    )
}

pub(crate) fn finding(source: &str, text: &str, rule: &'static str, severity: Severity, message: &str) -> Finding {
    Finding { rule, severity, ..Finding::new(span_of(source, text), message) }
}

fn span_of(source: &str, text: &str) -> Span {
    let start = source.find(text).expect("the sample text is in the source");
    Span::new(start, start + text.len())
}
