//! `--format github`: one GitHub Actions workflow command per finding, which GitHub turns
//! into an annotation on the pull request's diff, then plain lines for the log: each file's
//! clarity score (for files with findings) and the summary.
//!
//! `::warning file=docs/a.md,line=3,col=5,endLine=3,endColumn=13,title=plainly (jargon)::…`
//! Info findings are `::notice`, errors `::error`. Columns count Unicode scalar values and
//! `endColumn` is exclusive, as in the JSON format; they are given only when the finding
//! is on one line, since GitHub ignores (and its API rejects) columns across lines.

use std::io::{self, Write};

use super::{Report, Run};
use crate::finding::Severity;

/// The GitHub Actions reporter.
pub struct Github {
    /// Print only the annotations: no summary line.
    pub quiet: bool,
}

impl Report for Github {
    fn write(&self, out: &mut dyn Write, run: &Run) -> io::Result<()> {
        // What could not be checked fails the run: an error annotation on the file.
        for error in &run.errors {
            let file = escape_property(&error.path.replace('\\', "/"));
            write!(out, "::error file={file},")?;
            if let Some(line) = error.line {
                write!(out, "line={line},")?;
                if let Some(column) = error.column {
                    write!(out, "col={column},")?;
                }
            }
            writeln!(out, "title=plainly::{}", escape_data(&error.message))?;
        }
        for (report, why) in run.below_min_score() {
            let file = escape_property(&report.path.replace('\\', "/"));
            writeln!(out, "::error file={file},title=plainly (min-score)::{}", escape_data(&why))?;
        }
        for report in &run.files {
            let file = escape_property(&report.path.replace('\\', "/"));
            for d in &report.diagnostics {
                let command = match d.severity {
                    Severity::Info => "notice",
                    Severity::Warning => "warning",
                    Severity::Error => "error",
                };
                let (start, end) = (d.range.start, d.range.end);
                write!(out, "::{command} file={file},line={},", start.line)?;
                if start.line == end.line {
                    write!(out, "col={},endLine={},endColumn={},", start.column, end.line, end.column)?;
                } else {
                    write!(out, "endLine={},", end.line)?;
                }
                let title = escape_property(&format!("plainly ({})", d.rule));
                writeln!(out, "title={title}::{}", escape_data(&d.message))?;
            }
        }
        if !self.quiet {
            // Each file's score for the log, as the human format gives it: for every file
            // with findings, or the one file checked.
            for report in &run.files {
                if run.files.len() == 1 || !report.diagnostics.is_empty() {
                    writeln!(out, "plainly: {}", super::score_line(report))?;
                }
            }
            writeln!(out, "plainly: {}", super::summary(run))?;
        }
        Ok(())
    }
}

/// GitHub's escaping of a command's message: `%`, `\r` and `\n`.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// GitHub's escaping of a property value: the message's, plus `:` and `,`, which would
/// end the value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Format;
    use crate::output::testing::{render, sample};

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(render(Format::Github, &sample()));
    }

    #[test]
    fn escapes_like_github() {
        assert_eq!(escape_data("100% done\r\nnext: a, b"), "100%25 done%0D%0Anext: a, b");
        assert_eq!(escape_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
    }

    #[test]
    fn quiet_prints_no_summary() {
        let mut out = Vec::new();
        Github { quiet: true }.write(&mut out, &crate::output::Run::checked(sample())).expect("in memory");
        let text = String::from_utf8(out).expect("UTF-8");
        assert!(text.lines().all(|line| line.starts_with("::")), "{text}");
    }

    #[test]
    fn what_could_not_be_checked_is_an_error_annotation() {
        let text = crate::output::testing::render_run(Format::Github, &crate::output::testing::sample_with_errors());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[..2],
            [
                "::error file=plainly.toml,line=2,col=19,title=plainly::rule `long-sentence` has no option `max-wrds`",
                "::error file=logo%2C v2.txt,title=plainly::binary file (contains NUL bytes); not checked",
            ]
        );
        assert!(lines.last().unwrap().ends_with("; 2 files could not be checked"), "{text}");
    }

    #[test]
    fn a_score_below_min_score_is_an_error_annotation() {
        let run = crate::output::Run { min_score: Some(80), ..crate::output::Run::checked(sample()) };
        let text = crate::output::testing::render_run(Format::Github, &run);
        let errors: Vec<&str> = text.lines().filter(|l| l.contains("(min-score)")).collect();
        assert_eq!(
            errors,
            ["::error file=notes/status%2C week 1.txt,title=plainly (min-score)::notes/status, week 1.txt scores 74, \
below --min-score 80"]
        );
    }

    #[test]
    fn clean_run_summary() {
        let mut reports = sample();
        reports.retain(|r| r.diagnostics.is_empty());
        assert_eq!(
            render(Format::Github, &reports),
            "plainly: README.md: clarity 100/100 · no findings\nplainly: checked 1 file: no findings\n"
        );
    }
}
