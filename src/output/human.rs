//! `--format human`: each finding as a source excerpt with its span underlined, the
//! rule id and message, and its fixes; then each file's clarity score and a summary.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Diagnostic, FileReport, Report};
use crate::finding::Severity;

/// The human reporter. Colour is decided by the stream it writes to (see `cli`).
pub struct Human {
    /// Print only findings: no score lines, no summary.
    pub quiet: bool,
}

impl Report for Human {
    fn write(&self, out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
        let renderer = Renderer::styled();
        let single = reports.len() == 1;
        for report in reports {
            for diagnostic in &report.diagnostics {
                writeln!(out, "{}\n", renderer.render(&[group(report, diagnostic)]))?;
            }
            if !self.quiet && (single || !report.diagnostics.is_empty()) {
                writeln!(out, "{}", score_line(report))?;
                if !report.diagnostics.is_empty() {
                    writeln!(out)?;
                }
            }
        }
        if !self.quiet {
            writeln!(out, "{}", summary(reports))?;
        }
        Ok(())
    }
}

fn group<'a>(report: &'a FileReport, diagnostic: &'a Diagnostic) -> Group<'a> {
    let level = match diagnostic.severity {
        Severity::Info => Level::INFO,
        Severity::Warning => Level::WARNING,
        Severity::Error => Level::ERROR,
    };
    let excerpt = &diagnostic.excerpt;
    let snippet = Snippet::source(excerpt.text.as_str())
        .line_start(excerpt.first_line)
        .path(report.path.as_str())
        .annotation(AnnotationKind::Primary.span(excerpt.span.range()));
    let mut group = level.primary_title(diagnostic.message.as_str()).id(diagnostic.rule).element(snippet);
    for fix in &diagnostic.fixes {
        group = group.element(Level::HELP.with_name("fix").message(fix.title.as_str()));
    }
    group
}

/// "notes/update.md: clarity 84/100 · 3 findings (2 warnings, 1 info)".
fn score_line(report: &FileReport) -> String {
    let n = report.diagnostics.len();
    if n == 0 {
        return format!("{}: clarity {}/100 · no findings", report.path, report.score);
    }
    let findings = if n == 1 { "1 finding".to_string() } else { format!("{n} findings") };
    format!("{}: clarity {}/100 · {} ({})", report.path, report.score, findings, counts(report.counts()))
}

/// "Checked 3 files: 4 warnings, 2 info; lowest score 62 (notes/update.md)".
fn summary(reports: &[FileReport]) -> String {
    let files = if reports.len() == 1 { "1 file".to_string() } else { format!("{} files", reports.len()) };
    let (mut info, mut warning, mut error) = (0, 0, 0);
    for report in reports {
        let (i, w, e) = report.counts();
        info += i;
        warning += w;
        error += e;
    }
    if info + warning + error == 0 {
        return format!("Checked {files}: no findings.");
    }
    let lowest = reports.iter().min_by_key(|r| (r.score, &r.path)).expect("some report has findings");
    format!(
        "Checked {files}: {}; lowest clarity {}/100 ({}).",
        counts((info, warning, error)),
        lowest.score,
        lowest.path
    )
}

fn counts((info, warning, error): (usize, usize, usize)) -> String {
    let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
    let mut parts = Vec::new();
    if error > 0 {
        parts.push(plural(error, "error"));
    }
    if warning > 0 {
        parts.push(plural(warning, "warning"));
    }
    if info > 0 {
        parts.push(format!("{info} info"));
    }
    parts.join(", ")
}
