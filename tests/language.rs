//! The language layer on arbitrary text: tokenizing, tagging and reading a sentence never
//! panics, and every token, reference and meeting span lies inside the text, on character
//! boundaries, in order.

use plainly::Span;
use plainly::language::{TokenKind, read_span};
use proptest::prelude::*;

/// Text built from the pieces that trip tokenizers: words, clitics, quotes of every kind,
/// brackets, hyphens, mentions, references, URLs, inline code, emoji and accents.
fn text() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "can",
        "you",
        "please",
        "review",
        "the",
        "doc",
        "let's",
        "don't",
        "Sam's",
        "won’t",
        "call",
        "sync",
        "a",
        "at",
        "3pm",
        "10:30am",
        "?",
        "!",
        "?!",
        ".",
        "...",
        ",",
        ":",
        ";",
        "-",
        "—",
        "\"",
        "“",
        "”",
        "'",
        "‘",
        "’",
        "(",
        ")",
        "[",
        "]",
        "@sam",
        "#12",
        "https://x.io/a-b",
        "me@x.io",
        "`code`",
        "🚀",
        "🙏🏽",
        "Café",
        "e.g.",
        "U.S.",
        "follow-up",
        "and/or",
        "$5",
        "5%",
        "Hi",
        "team",
        "ping",
        "FYI",
        "\n",
    ];
    let piece =
        prop_oneof![prop::sample::select(PIECES).prop_map(str::to_string), "[a-zA-Z]{1,8}", "[0-9]{1,4}", "\\PC{1,3}",];
    prop::collection::vec((piece, prop_oneof![Just(""), Just(" "), Just("  ")]), 0..40)
        .prop_map(|parts| parts.into_iter().map(|(p, s)| format!("{p}{s}")).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn reading_any_text_is_safe(text in text()) {
        let reading = read_span(&text, &text, Span::new(0, text.len()));
        prop_assert_eq!(reading.tokens.len(), reading.tags.len());
        let mut last = 0;
        for token in &reading.tokens {
            prop_assert!(token.span.start >= last && token.span.start < token.span.end && token.span.end <= text.len());
            prop_assert!(text.is_char_boundary(token.span.start) && text.is_char_boundary(token.span.end));
            if token.kind == TokenKind::Word {
                prop_assert!(!token.span.slice(&text).contains(char::is_whitespace));
            }
            last = token.span.end;
        }
        prop_assert!(reading.core <= reading.tokens.len());
        for span in reading.references.iter().chain(&reading.reported).chain(reading.meeting.iter()) {
            prop_assert!(span.start <= span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
}
