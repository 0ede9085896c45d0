//! Reports: checked files with positions resolved, and the formats that print them.
//! Engines never print; only `output` and `cli` write to stdout and stderr.

pub mod analysis;
mod github;
mod gitlab;
mod human;
mod json;
mod sarif;
#[cfg(test)]
pub(crate) mod testing;

use std::io::{self, Write};

use crate::Checked;
use crate::config::Profile;
use crate::finding::Severity;
use crate::position::{Encoding, Positions};
use crate::span::Span;

pub use github::Github;
pub use gitlab::Gitlab;
pub use human::Human;
pub use json::Json;
pub use sarif::Sarif;

/// The output formats of `plainly check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source excerpts with the span underlined, the fix, and each file's score.
    Human,
    /// One JSON document (see the CLI contract).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// A GitLab Code Quality report (JSON).
    Gitlab,
}

/// A point in a file: 1-based line, 1-based column in Unicode scalar values, byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode scalar values (a BOM is not counted).
    pub column: usize,
    /// 0-based byte offset in the file.
    pub offset: usize,
    /// 0-based offset in Unicode scalar values, not counting a BOM (SARIF's `charOffset`).
    /// Not part of the JSON contract.
    #[serde(skip)]
    pub char_offset: usize,
}

/// A range of a file; `end` is exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Range {
    /// First position.
    pub start: Position,
    /// Position after the last character.
    pub end: Position,
}

/// A fix with its range resolved.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FixReport {
    /// What the fix does.
    pub title: String,
    /// The replacement text.
    pub replacement: String,
    /// The range replaced.
    pub range: Range,
}

/// The source lines a diagnostic covers, for excerpts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// 1-based number of the first line.
    pub first_line: usize,
    /// The lines, without the final line break.
    pub text: String,
    /// The diagnostic's bytes within `text`.
    pub span: Span,
    /// Whether `text` is a window cut from long lines rather than the whole lines, so
    /// it does not start at the start of `first_line`.
    pub clipped: bool,
}

/// A finding with its positions resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Rule id.
    pub rule: &'static str,
    /// Severity in effect.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// Where.
    pub range: Range,
    /// The flagged text, exactly as in the file (baseline fingerprints are made from it).
    pub text: String,
    /// Edits that resolve it.
    pub fixes: Vec<FixReport>,
    /// The source lines it covers.
    pub excerpt: Excerpt,
}

/// One checked file, ready to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileReport {
    /// The path as the user gave or the walk found it.
    pub path: String,
    /// The profile used.
    pub profile: Profile,
    /// The clarity score.
    pub score: u8,
    /// Words of checked prose.
    pub words: usize,
    /// Diagnostics in position order.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// Resolves the positions of a check of `source`.
    pub fn new(path: String, source: &str, checked: Checked) -> FileReport {
        let positions = Positions::new(source);
        let line_chars = chars_before_lines(source);
        let point = |offset: usize| {
            let at = positions.position(source, offset, Encoding::Utf32);
            let char_offset = line_chars.get(at.line as usize).copied().unwrap_or(0) + at.column as usize;
            Position { line: at.line as usize + 1, column: at.column as usize + 1, offset, char_offset }
        };
        let range = |span: Span| Range { start: point(span.start), end: point(span.end) };
        let diagnostics = checked
            .findings
            .into_iter()
            .map(|finding| {
                let at = range(finding.span);
                let excerpt = excerpt(source, &positions, finding.span, at);
                let text = source.get(finding.span.range()).unwrap_or_default().to_string();
                Diagnostic {
                    rule: finding.rule,
                    severity: finding.severity,
                    message: finding.message,
                    range: at,
                    text,
                    fixes: finding
                        .fixes
                        .into_iter()
                        .map(|fix| FixReport { title: fix.title, replacement: fix.replacement, range: range(fix.span) })
                        .collect(),
                    excerpt,
                }
            })
            .collect();
        FileReport { path, profile: checked.profile, score: checked.score, words: checked.words, diagnostics }
    }

    /// The number of diagnostics at each severity: `(info, warning, error)`.
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |s: Severity| self.diagnostics.iter().filter(|d| d.severity == s).count();
        (count(Severity::Info), count(Severity::Warning), count(Severity::Error))
    }
}

/// For each line, the Unicode scalar values before its start, not counting a BOM: a
/// line's count plus a column (which skips the BOM too) is an offset in characters.
fn chars_before_lines(source: &str) -> Vec<usize> {
    let body = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut starts = vec![0];
    let mut chars = 0;
    for c in body.chars() {
        chars += 1;
        // Lines end at `\n` only (`\r\n` ends with it), as in `position`.
        if c == '\n' {
            starts.push(chars);
        }
    }
    starts
}

/// The whole lines a span covers (at most a few), with the span's place in them. Lines
/// longer than [`LONG_EXCERPT`] in all are cut to a window around the span's start, so
/// that a thousand findings on one 5 MB line copy a thousand windows, not the line.
fn excerpt(source: &str, positions: &Positions, span: Span, range: Range) -> Excerpt {
    const MAX_LINES: usize = 6;
    /// Bytes kept either side of the span's start in a cut excerpt.
    const WINDOW: usize = 240;
    const LONG_EXCERPT: usize = 4 * WINDOW;
    let first = range.start.line - 1;
    let last = (range.end.line - 1).max(first);
    let last = last.min(first + MAX_LINES - 1);
    let start = positions.line_span(source, first as u32).map_or(span.start, |s| s.start);
    let end = positions.line_span(source, last as u32).map_or(span.end, |s| s.end).max(start);
    // An editor never shows a byte-order mark; neither does the excerpt.
    let start = if start == 0 && source.starts_with('\u{feff}') { 3 } else { start };
    let clipped = end - start > LONG_EXCERPT;
    let (start, end) = if clipped {
        let from = start.max(span.start.saturating_sub(WINDOW));
        let to = end.min(span.start + WINDOW);
        (char_boundary_after(source, from), char_boundary_after(source, to))
    } else {
        (start, end)
    };
    let text = source[start..end.max(start)].to_string();
    let in_text =
        Span::new(span.start.saturating_sub(start).min(text.len()), span.end.saturating_sub(start).min(text.len()));
    Excerpt { first_line: first + 1, text, span: in_text, clipped }
}

/// The first character boundary of `text` at or after `offset`.
fn char_boundary_after(text: &str, offset: usize) -> usize {
    (offset..text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len())
}

/// Diagnostics at each severity over all reports: `(info, warning, error)`.
pub fn totals(reports: &[FileReport]) -> (usize, usize, usize) {
    reports.iter().map(FileReport::counts).fold((0, 0, 0), |(i, w, e), (a, b, c)| (i + a, w + b, e + c))
}

/// "1 error, 2 warnings, 3 info", leaving out severities with none; empty for none at all.
pub fn count_phrase((info, warning, error): (usize, usize, usize)) -> String {
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

/// The run's one-line summary: "checked 3 files: 4 warnings, 2 info; lowest clarity
/// 62/100 (notes/update.md)", or "checked 3 files: no findings".
pub fn summary(reports: &[FileReport]) -> String {
    let files = if reports.len() == 1 { "1 file".to_string() } else { format!("{} files", reports.len()) };
    let counts = count_phrase(totals(reports));
    if counts.is_empty() {
        return format!("checked {files}: no findings");
    }
    let lowest = reports.iter().min_by_key(|r| (r.score, &r.path)).expect("some report has findings");
    format!("checked {files}: {counts}; lowest clarity {}/100 ({})", lowest.score, lowest.path)
}

/// Writes reports in one format.
pub trait Report {
    /// Writes every report.
    fn write(&self, out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()>;
}

impl Format {
    /// The reporter for this format.
    pub fn reporter(self, quiet: bool) -> Box<dyn Report> {
        match self {
            Format::Human => Box::new(Human { quiet }),
            Format::Json => Box::new(Json),
            Format::Sarif => Box::new(Sarif),
            Format::Github => Box::new(Github { quiet }),
            Format::Gitlab => Box::new(Gitlab),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Format;
    use super::testing::{finding, render, report, sample};
    use crate::config::Profile;
    use crate::finding::Severity;

    #[test]
    fn human_snapshot() {
        insta::assert_snapshot!(render(Format::Human, &sample()));
    }

    #[test]
    fn json_snapshot() {
        insta::assert_snapshot!(render(Format::Json, &sample()));
    }

    #[test]
    fn a_long_line_is_cut_around_the_span_and_keeps_its_column() {
        let line = format!("{}Ship it ASAP. {}\n", "Ünïcode prose here. ".repeat(150), "More prose. ".repeat(400));
        let found = finding(&line, "ASAP", "vague-deadline", Severity::Warning, "“ASAP” is not a time.");
        let reports = vec![report("long.txt", &line, Profile::Message, vec![found])];
        let excerpt = &reports[0].diagnostics[0].excerpt;
        assert!(excerpt.clipped && excerpt.text.len() <= 2 * 240 + 3, "{}", excerpt.text.len());
        assert_eq!(&excerpt.text[excerpt.span.range()], "ASAP");
        let column = 150 * "Ünïcode prose here. ".chars().count() + "Ship it ".len() + 1;
        let printed = render(Format::Human, &reports);
        assert!(printed.contains(&format!(" --> long.txt:1:{column}\n  |\n1 | ...")), "{printed}");
    }

    #[test]
    fn char_offsets_skip_the_bom_and_count_code_points() {
        let reports = sample();
        let guide = reports.iter().find(|r| r.path == "docs/guide.md").expect("in the sample");
        let leverage = &guide.diagnostics[0];
        assert_eq!(leverage.text, "leverage");
        // "# Guide\r\n\r\n🚀 We " is 16 code points; the rocket is one.
        assert_eq!((leverage.range.start.char_offset, leverage.range.end.char_offset), (16, 24));
        assert_eq!(leverage.range.start.column, 6);
    }
}
