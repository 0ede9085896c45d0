//! Byte offsets ↔ (line, column) in UTF-8, UTF-16 or UTF-32 code units.
//!
//! This is the only place positions are converted. Lines are zero-based here; the
//! JSON contract adds one to both. `\r\n` is one line break and a lone `\r` is none
//! (as in `line-index` and the LSP's own definition, minus `\r`, which editors
//! rarely write alone). A UTF-8 byte-order mark is counted in byte offsets but not
//! in columns, since no editor shows it.

use line_index::{LineIndex, TextSize, WideEncoding, WideLineCol};

/// The unit a column counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Bytes.
    Utf8,
    /// UTF-16 code units (the LSP default).
    #[default]
    Utf16,
    /// Unicode scalar values (the JSON contract).
    Utf32,
}

/// A zero-based line and column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineColumn {
    /// Zero-based line.
    pub line: u32,
    /// Zero-based column in the chosen encoding.
    pub column: u32,
}

/// A text's line index.
#[derive(Debug, Clone)]
pub struct Positions {
    index: LineIndex,
    len: usize,
    bom: usize,
}

impl Positions {
    /// Indexes `text`'s lines.
    pub fn new(text: &str) -> Positions {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Positions { index: LineIndex::new(text), len: text.len(), bom }
    }

    /// The line and column of byte `offset`. An offset past the end is read as the end; one
    /// inside a character as that character's start.
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> LineColumn {
        let mut offset = offset.min(self.len);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let utf8 = self.index.line_col(TextSize::from(offset as u32));
        let column = match encoding {
            Encoding::Utf8 => utf8.col,
            Encoding::Utf16 | Encoding::Utf32 => {
                let wide = if encoding == Encoding::Utf16 { WideEncoding::Utf16 } else { WideEncoding::Utf32 };
                self.index.to_wide(wide, utf8).map_or(utf8.col, |w| w.col)
            }
        };
        let column = if utf8.line == 0 && self.bom > 0 && offset >= self.bom {
            // The BOM is one unit in every encoding but UTF-8, where it is three.
            column - if encoding == Encoding::Utf8 { self.bom as u32 } else { 1 }
        } else {
            column
        };
        LineColumn { line: utf8.line, column }
    }

    /// The byte offset of a line and column, or `None` when the line does not exist.
    /// A column past the end of its line is read as the line's end (before `\r\n`),
    /// and one inside a character as that character's start.
    pub fn offset(&self, text: &str, at: LineColumn, encoding: Encoding) -> Option<usize> {
        let line = self.index.line(at.line)?;
        let line_start = usize::from(line.start());
        let mut line_end = usize::from(line.end());
        let body = &text[line_start..line_end];
        line_end -= body.len() - without_break(body).len();
        let bom = if at.line == 0 { self.bom } else { 0 };
        // Saturating: a client may send any column, and one past the line's end is its end.
        let column = at.column.saturating_add(match (bom, encoding) {
            (0, _) => 0,
            (_, Encoding::Utf8) => bom as u32,
            _ => 1,
        });
        let utf8_col = match encoding {
            Encoding::Utf8 => column,
            Encoding::Utf16 | Encoding::Utf32 => {
                let wide = if encoding == Encoding::Utf16 { WideEncoding::Utf16 } else { WideEncoding::Utf32 };
                self.index.to_utf8(wide, WideLineCol { line: at.line, col: column }).map_or(u32::MAX, |c| c.col)
            }
        };
        let mut offset = line_start.saturating_add(utf8_col as usize).min(line_end);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        Some(offset)
    }

    /// The number of lines (a text ending in a newline has an empty last line).
    pub fn line_count(&self) -> u32 {
        let mut line = 0;
        while self.index.line(line + 1).is_some() {
            line += 1;
        }
        line + 1
    }

    /// The byte range of a zero-based line, without its line break.
    pub fn line_span(&self, text: &str, line: u32) -> Option<crate::span::Span> {
        let range = self.index.line(line)?;
        let start = usize::from(range.start());
        let end = usize::from(range.end());
        let body = without_break(&text[start..end]);
        Some(crate::span::Span::new(start, start + body.len()))
    }
}

/// A line without its line break (`\n` or `\r\n`; a lone `\r` is text).
fn without_break(line: &str) -> &str {
    line.strip_suffix('\n').map_or(line, |line| line.strip_suffix('\r').unwrap_or(line))
}

/// 1-based line and column (in Unicode scalar values) of `offset`, for messages and JSON.
pub fn line_column_1(text: &str, offset: usize) -> (usize, usize) {
    let at = Positions::new(text).position(text, offset, Encoding::Utf32);
    (at.line as usize + 1, at.column as usize + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_columns_per_encoding() {
        let text = "a😀b\nxé";
        let p = Positions::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(p.position(text, b, Encoding::Utf8), LineColumn { line: 0, column: 5 });
        assert_eq!(p.position(text, b, Encoding::Utf16), LineColumn { line: 0, column: 3 });
        assert_eq!(p.position(text, b, Encoding::Utf32), LineColumn { line: 0, column: 2 });
        assert_eq!(p.offset(text, LineColumn { line: 0, column: 3 }, Encoding::Utf16), Some(b));
    }

    #[test]
    fn crlf_is_one_break_and_columns_clamp_to_line_end() {
        let text = "ab\r\ncd";
        let p = Positions::new(text);
        assert_eq!(p.position(text, 4, Encoding::Utf16), LineColumn { line: 1, column: 0 });
        assert_eq!(p.offset(text, LineColumn { line: 0, column: 99 }, Encoding::Utf16), Some(2));
        assert_eq!(p.offset(text, LineColumn { line: 5, column: 0 }, Encoding::Utf16), None);
    }

    /// Found by the `positions` fuzz target: the BOM's column was added with overflow.
    #[test]
    fn huge_column_on_a_bom_line_is_the_line_end() {
        let text = "\u{feff}hi\nthere";
        let p = Positions::new(text);
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            assert_eq!(p.offset(text, LineColumn { line: 0, column: u32::MAX }, encoding), Some(5));
        }
    }

    #[test]
    fn bom_counts_in_offsets_not_columns() {
        let text = "\u{feff}hi";
        let p = Positions::new(text);
        assert_eq!(p.position(text, 3, Encoding::Utf32), LineColumn { line: 0, column: 0 });
        assert_eq!(p.offset(text, LineColumn { line: 0, column: 1 }, Encoding::Utf32), Some(4));
    }
}
