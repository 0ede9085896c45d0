//! `--format json`: one JSON document, exactly the shape of the CLI contract.

use std::io::{self, Write};

use serde::Serialize;

use super::{FixReport, Range, Report, Run, RunError};

/// The JSON reporter.
pub struct Json;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files: Vec<File<'a>>,
    /// What could not be checked (an addition to the contract: `path`, `line` and
    /// `column` when the problem has a place, `message`).
    errors: &'a [RunError],
    summary: Summary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    profile: crate::Profile,
    score: u8,
    words: usize,
    /// The ISO 639-3 code of the language the text is in, when it is not English (an
    /// addition to the contract): only the rules that do not read English ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'static str>,
    diagnostics: Vec<Diagnostic<'a>>,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    rule: &'a str,
    severity: crate::finding::Severity,
    message: &'a str,
    range: Range,
    fixes: &'a [FixReport],
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    diagnostics: usize,
    info: usize,
    warning: usize,
    error: usize,
    /// Inputs that could not be checked (an addition to the contract).
    unchecked: usize,
}

impl Report for Json {
    fn write(&self, out: &mut dyn Write, run: &Run) -> io::Result<()> {
        let reports = &run.files;
        let files: Vec<File<'_>> = reports
            .iter()
            .map(|report| File {
                path: &report.path,
                profile: report.profile,
                score: report.score,
                words: report.words,
                language: report.language.map(|l| l.code),
                diagnostics: report
                    .diagnostics
                    .iter()
                    .map(|d| Diagnostic {
                        rule: d.rule,
                        severity: d.severity,
                        message: &d.message,
                        range: d.range,
                        fixes: &d.fixes,
                    })
                    .collect(),
            })
            .collect();
        let (info, warning, error) = super::totals(reports);
        let summary = Summary {
            files: reports.len(),
            diagnostics: info + warning + error,
            info,
            warning,
            error,
            unchecked: run.unchecked,
        };
        serde_json::to_writer_pretty(&mut *out, &Document { version: 1, files, errors: &run.errors, summary })?;
        writeln!(out)
    }
}
