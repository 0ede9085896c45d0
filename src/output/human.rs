//! `--format human`: each finding as a source excerpt with its span underlined, the
//! rule id and message, and its fixes; then each file's clarity score and a summary.

use std::io::{self, Write};

use annotate_snippets::renderer::DEFAULT_LINE_NUM_STYLE;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Diagnostic, FileReport, Report, Run, score_line, summary};
use crate::finding::Severity;

/// The human reporter. Colour is decided by the stream it writes to (see `cli`).
pub struct Human {
    /// Print only findings: no score lines, no summary.
    pub quiet: bool,
}

impl Report for Human {
    fn write(&self, out: &mut dyn Write, run: &Run) -> io::Result<()> {
        let reports = &run.files;
        let renderer = Renderer::styled();
        let single = reports.len() == 1;
        for report in reports {
            for diagnostic in &report.diagnostics {
                writeln!(out, "{}\n", render(&renderer, report, diagnostic))?;
            }
            if !self.quiet && (single || !report.diagnostics.is_empty()) {
                writeln!(out, "{}", score_line(report))?;
                if !report.diagnostics.is_empty() {
                    writeln!(out)?;
                }
            }
        }
        if !self.quiet {
            // "Checked 3 files: …", a sentence on its own line.
            // Errors are on stderr already; the summary counts them.
            let line = summary(run);
            writeln!(out, "C{}.", &line[1..])?;
        }
        Ok(())
    }
}

/// One diagnostic, rendered: title, location, excerpt, fixes.
fn render(renderer: &Renderer, report: &FileReport, diagnostic: &Diagnostic) -> String {
    let rendered = renderer.render(&[group(report, diagnostic)]);
    if !diagnostic.excerpt.clipped {
        return rendered;
    }
    // The location line the renderer writes for an excerpt with a path, under the title.
    let Some((title, rest)) = rendered.split_once('\n') else { return rendered };
    let start = diagnostic.range.start;
    let gutter = " ".repeat(diagnostic.excerpt.first_line.to_string().len());
    let arrow = DEFAULT_LINE_NUM_STYLE;
    format!("{title}\n{gutter}{arrow}--> {arrow:#}{}:{}:{}\n{rest}", report.path, start.line, start.column)
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
        .annotation(AnnotationKind::Primary.span(excerpt.span.range()));
    // The renderer counts the column from the excerpt's start, which for a cut excerpt
    // is not the line's: `render` writes the location line itself then.
    let snippet = if excerpt.clipped { snippet } else { snippet.path(report.path.as_str()) };
    let mut group = level.primary_title(diagnostic.message.as_str()).id(diagnostic.rule).element(snippet);
    for fix in &diagnostic.fixes {
        group = group.element(Level::HELP.with_name("fix").message(fix.title.as_str()));
    }
    group
}
