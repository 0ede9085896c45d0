//! Between plainly's byte offsets and the LSP's lines and columns, URIs and paths,
//! findings and diagnostics. Everything crossing the protocol edge in either
//! direction goes through here, in the encoding negotiated at `initialize`.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString, Position, PositionEncodingKind, Range, TextEdit, Uri};

use crate::finding::{Finding, Severity};
use crate::position::{Encoding, LineColumn, Positions};
use crate::span::Span;

/// The encoding to use, from the client's `general.positionEncodings`: UTF-8 when
/// offered (our offsets are bytes, so it costs nothing), then UTF-32, else UTF-16,
/// which every client must support. A client that offers nothing may be one that counts
/// in another encoding without saying so (ALE counts bytes): its setup can name that
/// encoding in `initializationOptions.positionEncoding` (`stated`), and it is used.
pub(crate) fn negotiate(offered: Option<&[PositionEncodingKind]>, stated: Option<&str>) -> Encoding {
    let offered = offered.unwrap_or_default();
    if offered.contains(&PositionEncodingKind::UTF8) {
        Encoding::Utf8
    } else if offered.contains(&PositionEncodingKind::UTF32) {
        Encoding::Utf32
    } else if !offered.is_empty() {
        Encoding::Utf16
    } else {
        match stated {
            Some("utf-8") => Encoding::Utf8,
            Some("utf-32") => Encoding::Utf32,
            _ => Encoding::Utf16,
        }
    }
}

/// The LSP name of an encoding.
pub(crate) fn encoding_kind(encoding: Encoding) -> PositionEncodingKind {
    match encoding {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
        Encoding::Utf32 => PositionEncodingKind::UTF32,
    }
}

/// A text with its line index, seen in one encoding: what turns byte offsets into
/// LSP positions and back. Used for open documents and for config files.
#[derive(Clone, Copy)]
pub(crate) struct Lines<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Its line index (built once per version of the text, never per position).
    pub index: &'a Positions,
    /// The negotiated encoding.
    pub encoding: Encoding,
}

impl Lines<'_> {
    /// The LSP position of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let at = self.index.position(self.text, offset, self.encoding);
        // `Positions` does not count a byte-order mark as a column, as the CLI's columns
        // don't; an editor that sends one in the text counts it, so add it back.
        let column = if at.line == 0 && offset >= BOM.len_utf8() && self.text.starts_with(BOM) {
            at.column + self.bom_units()
        } else {
            at.column
        };
        Position { line: at.line, character: column }
    }

    /// The LSP range of a span.
    pub fn range(&self, span: Span) -> Range {
        Range { start: self.position(span.start), end: self.position(span.end) }
    }

    /// The byte offset of an LSP position. Clients make mistakes, so this never fails:
    /// a line past the end is the end of the text, a column past the end of its line is
    /// the line's end, and a column inside a character is that character's start.
    pub fn offset(&self, position: Position) -> usize {
        let mut column = position.character;
        if position.line == 0 && self.text.starts_with(BOM) {
            if column < self.bom_units() {
                return 0;
            }
            column -= self.bom_units();
        }
        let at = LineColumn { line: position.line, column };
        self.index.offset(self.text, at, self.encoding).unwrap_or(self.text.len())
    }

    /// The byte span of an LSP range, clamped as [`Lines::offset`] does; a range whose
    /// end comes before its start is read with its ends swapped.
    pub fn span(&self, range: Range) -> Span {
        let (start, end) = (self.offset(range.start), self.offset(range.end));
        Span::new(start.min(end), start.max(end))
    }

    /// An edit replacing `span` with `new_text`.
    pub fn edit(&self, span: Span, new_text: impl Into<String>) -> TextEdit {
        TextEdit { range: self.range(span), new_text: new_text.into() }
    }

    /// The diagnostic for a finding: its rule id as the code, its severity, its message.
    pub fn diagnostic(&self, finding: &Finding) -> Diagnostic {
        Diagnostic {
            range: self.range(finding.span),
            severity: Some(severity(finding.severity)),
            code: Some(NumberOrString::String(finding.rule.to_string())),
            source: Some("plainly".to_string()),
            message: finding.message.clone(),
            ..Diagnostic::default()
        }
    }

    /// The diagnostic for a problem in the text's own directives (an unknown rule id in a
    /// suppression comment): a warning with no rule id, so no quick fix offers to disable it.
    pub fn warning(&self, span: Span, message: &str) -> Diagnostic {
        Diagnostic {
            range: self.range(span),
            severity: Some(DiagnosticSeverity::WARNING),
            source: Some("plainly".to_string()),
            message: message.to_string(),
            ..Diagnostic::default()
        }
    }

    /// The diagnostic for a problem that stops the text being checked (front matter that
    /// asks for an unknown profile): an error where it is written, as the CLI reports it.
    pub fn error(&self, span: Span, message: &str) -> Diagnostic {
        Diagnostic { severity: Some(DiagnosticSeverity::ERROR), ..self.warning(span, message) }
    }

    /// How many code units a byte-order mark is in the negotiated encoding.
    fn bom_units(&self) -> u32 {
        match self.encoding {
            Encoding::Utf8 => BOM.len_utf8() as u32,
            Encoding::Utf16 | Encoding::Utf32 => 1,
        }
    }
}

const BOM: char = '\u{feff}';

/// The LSP severity of a finding's severity. The LSP's "hint" is shown too faintly
/// for a writer to notice, so info stays information.
pub(crate) fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The local path a `file:` URI names; `None` for any other scheme (an untitled
/// buffer, a remote file) or a URI that does not decode to a path.
pub(crate) fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file:///p` has an empty authority; `file://localhost/p` names this machine too.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path)?;
    // `file:///C:/x` is `C:/x` on Windows.
    let decoded = match decoded.strip_prefix('/') {
        Some(rest) if cfg!(windows) && rest.as_bytes().get(1) == Some(&b':') => rest.to_string(),
        _ => decoded,
    };
    Some(PathBuf::from(decoded))
}

/// The `file:` URI of an absolute path.
pub(crate) fn path_to_uri(path: &Path) -> Option<Uri> {
    let text = path.to_str()?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~:".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    Uri::from_str(&uri).ok()
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, encoding: Encoding, f: impl FnOnce(Lines<'_>)) {
        let index = Positions::new(text);
        f(Lines { text, index: &index, encoding });
    }

    #[test]
    fn utf8_is_preferred_then_utf32_then_utf16() {
        let offered = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF32, PositionEncodingKind::UTF8];
        assert_eq!(negotiate(Some(&offered), None), Encoding::Utf8);
        assert_eq!(negotiate(Some(&offered[..2]), None), Encoding::Utf32);
        assert_eq!(negotiate(Some(&offered[..1]), None), Encoding::Utf16);
        assert_eq!(negotiate(None, None), Encoding::Utf16);
    }

    #[test]
    fn a_setup_states_the_encoding_of_a_client_that_offers_none() {
        assert_eq!(negotiate(None, Some("utf-8")), Encoding::Utf8);
        assert_eq!(negotiate(Some(&[]), Some("utf-32")), Encoding::Utf32);
        assert_eq!(negotiate(None, Some("bytes")), Encoding::Utf16);
        // What a client offers is what it speaks.
        assert_eq!(negotiate(Some(&[PositionEncodingKind::UTF16]), Some("utf-8")), Encoding::Utf16);
    }

    #[test]
    fn emoji_and_cjk_columns() {
        let text = "😀日 ok";
        let ok = text.find("ok").unwrap();
        lines(text, Encoding::Utf16, |l| assert_eq!(l.position(ok), Position::new(0, 4)));
        lines(text, Encoding::Utf32, |l| assert_eq!(l.position(ok), Position::new(0, 3)));
        lines(text, Encoding::Utf8, |l| assert_eq!(l.position(ok), Position::new(0, 8)));
        lines(text, Encoding::Utf16, |l| assert_eq!(l.offset(Position::new(0, 4)), ok));
    }

    #[test]
    fn out_of_range_positions_clamp() {
        lines("ab\r\ncd", Encoding::Utf16, |l| {
            assert_eq!(l.offset(Position::new(0, 99)), 2);
            assert_eq!(l.offset(Position::new(7, 0)), 6);
            // Inside a surrogate pair: the emoji's start.
            assert_eq!(l.span(Range::new(Position::new(1, 1), Position::new(0, 1))), Span::new(1, 5));
        });
        lines("😀", Encoding::Utf16, |l| assert_eq!(l.offset(Position::new(0, 1)), 0));
    }

    #[test]
    fn a_bom_the_editor_sent_is_a_column() {
        let text = "\u{feff}hi";
        lines(text, Encoding::Utf16, |l| {
            assert_eq!(l.position(3), Position::new(0, 1));
            assert_eq!(l.offset(Position::new(0, 1)), 3);
            assert_eq!(l.offset(Position::new(0, 0)), 0);
        });
        lines(text, Encoding::Utf8, |l| assert_eq!(l.position(4), Position::new(0, 4)));
    }

    #[test]
    fn file_uris_round_trip() {
        let path = Path::new("/tmp/a b/ünï.md");
        let uri = path_to_uri(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20b/%C3%BCn%C3%AF.md");
        assert_eq!(uri_to_path(&uri).unwrap(), path);
        assert_eq!(uri_to_path(&Uri::from_str("untitled:Untitled-1").unwrap()), None);
    }
}
