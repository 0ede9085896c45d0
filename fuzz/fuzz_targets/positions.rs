//! Position conversion on arbitrary text: offsets and (line, column) pairs in every
//! encoding convert without panicking, stay inside the text, and round-trip.
//!
//! Input: the text, then optionally a NUL byte and parameters, read as pairs of
//! little-endian `u32`s (any value, so out-of-range ones are tried too). Invalid UTF-8
//! in the text is replaced, so every fixture file is a useful seed as it is.

#![no_main]

use libfuzzer_sys::fuzz_target;
use plainly::position::{Encoding, LineColumn, Positions, line_column_1};

const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

fuzz_target!(|data: &[u8]| {
    let (text, params) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let text = String::from_utf8_lossy(text);
    let text = text.as_ref();
    let positions = Positions::new(text);
    let lines = positions.line_count();
    assert_eq!(lines as usize, text.matches('\n').count() + 1);
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };

    // Every offset a position can name round-trips: character boundaries after the BOM,
    // except the middle of a `\r\n`. The UTF-16 column is counted alongside.
    let mut column16 = 0;
    let boundaries = text.char_indices().map(|(at, c)| (at, Some(c))).chain([(text.len(), None)]);
    for (offset, c) in boundaries {
        let mid_crlf = text[..offset].ends_with('\r') && c == Some('\n');
        if offset >= bom && !mid_crlf {
            for encoding in ENCODINGS {
                let at = positions.position(text, offset, encoding);
                assert_eq!(positions.offset(text, at, encoding), Some(offset), "{encoding:?} {offset} -> {at:?}");
            }
            assert_eq!(positions.position(text, offset, Encoding::Utf16).column as usize, column16, "at {offset}");
        }
        // Only the file's first character can be its BOM; a U+FEFF anywhere else is text.
        match c {
            Some('\n') => column16 = 0,
            Some(c) if offset >= bom => column16 += c.len_utf16(),
            _ => {}
        }
    }

    for pair in params.chunks_exact(8) {
        let a = u32::from_le_bytes(pair[..4].try_into().expect("4 bytes"));
        let b = u32::from_le_bytes(pair[4..].try_into().expect("4 bytes"));
        for offset in [a as usize, a as usize % (text.len() + 1)] {
            let (line, column) = line_column_1(text, offset);
            assert!(line >= 1 && line <= lines as usize && column >= 1);
            for encoding in ENCODINGS {
                let at = positions.position(text, offset, encoding);
                assert!(at.line < lines);
                let back = positions.offset(text, at, encoding).expect("a position's line exists");
                assert!(back <= text.len() && text.is_char_boundary(back));
            }
        }
        for at in [LineColumn { line: b, column: a }, LineColumn { line: b % (lines + 1), column: a }] {
            for encoding in ENCODINGS {
                match positions.offset(text, at, encoding) {
                    Some(offset) => {
                        assert!(at.line < lines, "{at:?} found in a {lines}-line text");
                        assert!(offset <= text.len() && text.is_char_boundary(offset));
                        assert_eq!(positions.position(text, offset, encoding).line, at.line);
                    }
                    None => assert!(at.line >= lines, "{at:?} not found in a {lines}-line text"),
                }
            }
            if let Some(span) = positions.line_span(text, at.line) {
                assert!(span.start <= span.end && span.end <= text.len());
                assert!(!span.slice(text).contains('\n'));
            }
        }
    }
});
