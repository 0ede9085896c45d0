//! A checked file's report: its findings with positions resolved to lines and
//! columns, and the source lines they cover. Every output format prints these, and
//! baselines are made from them.

use crate::Checked;
use crate::Profile;
use crate::finding::Severity;
use crate::position::{Encoding, Positions};
use crate::span::Span;

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
    /// Problems with the file's own directives (see [`Checked::warnings`]), where they are.
    pub warnings: Vec<(Position, String)>,
    /// The language the text is in, when it is not English (only rules that do not read
    /// English ran).
    pub language: Option<crate::language::detect::OtherLanguage>,
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
        let warnings = checked.warnings.into_iter().map(|(span, message)| (point(span.start), message)).collect();
        FileReport {
            path,
            profile: checked.profile,
            score: checked.score,
            words: checked.words,
            diagnostics,
            warnings,
            language: checked.language,
        }
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
