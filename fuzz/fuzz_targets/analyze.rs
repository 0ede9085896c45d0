//! Arbitrary bytes read as a message by `plainly analyze`: every sentence tokenized,
//! tagged and read, the message's facts found, and the report rendered as text and
//! JSON. The language layer must never panic, and every token must be a span of the
//! input on character boundaries.

#![no_main]

use libfuzzer_sys::fuzz_target;
use plainly::output::analysis::{self, MessageReading};
use plainly::{FileKind, Profile, Settings};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let settings = Settings::default();
    for kind in [FileKind::Text, FileKind::Markdown] {
        let reading = MessageReading::new("fuzz.txt", text, kind, Profile::Message, &settings);
        for sentence in &reading.sentences {
            for token in &sentence.tokens {
                assert!(text.is_char_boundary(token.offset) && text[token.offset..].starts_with(&token.text));
            }
        }
        let _ = analysis::human(&reading);
        let _ = analysis::json(&reading);
    }
});
