//! Property tests for position conversion: offset → (line, column) → offset round-trips
//! in UTF-8, UTF-16 and UTF-32 on text with CRLF, lone CR, emoji, combining marks and a BOM.

use plainly::position::{Encoding, LineColumn, Positions};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("a".to_string()),
            Just("word ".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\r".to_string()),
            Just("é".to_string()),
            Just("e\u{301}".to_string()),
            Just("日本".to_string()),
            Just("😀".to_string()),
            Just("👩‍💻".to_string()),
            Just("🇯🇵".to_string()),
            Just("\t".to_string()),
        ],
        0..40,
    );
    (any::<bool>(), pieces).prop_map(|(bom, pieces)| {
        let body: String = pieces.concat();
        if bom { format!("\u{feff}{body}") } else { body }
    })
}

/// Offsets a position can name: character boundaries after any BOM, except the middle
/// of a `\r\n`, which is inside one line break.
fn boundaries(text: &str) -> Vec<usize> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    (start..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .filter(|&i| !(text[..i].ends_with('\r') && text[i..].starts_with('\n')))
        .collect()
}

proptest! {
    #[test]
    fn offsets_round_trip_in_every_encoding(text in text()) {
        let positions = Positions::new(&text);
        for offset in boundaries(&text) {
            for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                let at = positions.position(&text, offset, encoding);
                let back = positions.offset(&text, at, encoding);
                prop_assert_eq!(back, Some(offset), "{:?} at {} in {:?} -> {:?}", encoding, offset, text, at);
            }
        }
    }

    #[test]
    fn utf16_column_counts_code_units_of_the_line_prefix(text in text()) {
        let positions = Positions::new(&text);
        for offset in boundaries(&text) {
            let at = positions.position(&text, offset, Encoding::Utf16);
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let prefix = text[line_start..offset].trim_start_matches('\u{feff}');
            prop_assert_eq!(at.column as usize, prefix.encode_utf16().count());
            prop_assert_eq!(at.line as usize, text[..offset].matches('\n').count());
        }
    }

    #[test]
    fn out_of_range_columns_clamp_to_the_line_end(text in text(), line in 0u32..10, column in 0u32..500) {
        let positions = Positions::new(&text);
        if let Some(offset) = positions.offset(&text, LineColumn { line, column }, Encoding::Utf16) {
            prop_assert!(offset <= text.len() && text.is_char_boundary(offset));
        }
    }
}
