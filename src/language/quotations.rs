//! Quotations that run over more than one sentence.
//!
//! A sentence's reading treats words in quotation marks as reported, not the writer's
//! own ([`super::reading`]). But the sentence splitter ends sentences inside quotations
//! (`The joke ends: "Marvelous! And can you tell me why?" The boy laughed.`), so no
//! single sentence holds both marks, and the question in it would read as the writer
//! asking the reader. The marks are paired over the whole block here, and each sentence
//! is given the part of a quotation that falls inside it.
//!
//! Curly quotes pair by their shape. Straight quotes pair in turn, first with second,
//! third with fourth, and only in a block that holds an even number of them: an odd
//! count means an inch mark or a quotation left open, and then no straight pair is sure.
//! Single quotes are left alone, since the same mark is an apostrophe.

use crate::document::Document;
use crate::span::Span;

/// The quotations of `doc` that open in one sentence and close in a later one of the
/// same block, from the opening mark to the closing one, in order.
pub fn across_sentences(doc: &Document<'_>) -> Vec<Span> {
    let mut quotations = Vec::new();
    for block in doc.blocks.iter().filter(|b| b.sentences.len() > 1) {
        let text = block.span.slice(&doc.prose);
        let straight_pairs = text.bytes().filter(|&b| b == b'"').count() % 2 == 0;
        let mut open: Option<(usize, char)> = None;
        for (i, mark) in text.char_indices() {
            let at = block.span.start + i;
            let closed = match (open, mark) {
                (None, '\u{201c}') => {
                    open = Some((at, mark));
                    None
                }
                (None, '"') if straight_pairs => {
                    open = Some((at, mark));
                    None
                }
                (Some((start, '\u{201c}')), '\u{201d}') | (Some((start, '"')), '"') => {
                    open = None;
                    Some(Span::new(start, at + mark.len_utf8()))
                }
                _ => None,
            };
            if let Some(quotation) = closed.filter(|q| doc.sentence_at(q.start) != doc.sentence_at(q.end - 1)) {
                quotations.push(quotation);
            }
        }
    }
    quotations
}

/// The parts of `quotations` inside the sentence at `sentence`.
pub fn within(quotations: &[Span], sentence: Span) -> Vec<Span> {
    quotations
        .iter()
        .filter(|q| q.start < sentence.end && q.end > sentence.start)
        .map(|q| Span::new(q.start.max(sentence.start), q.end.min(sentence.end)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ParseOptions;
    use crate::input::FileKind;

    fn quoted(text: &str) -> Vec<&str> {
        let doc = Document::parse(text, FileKind::Text, ParseOptions::default());
        across_sentences(&doc).into_iter().map(|q| q.slice(text)).collect()
    }

    #[test]
    fn a_quotation_over_two_sentences_is_found() {
        let text = "The joke ends: \"Marvelous! And can you tell me why?\" The boy laughed.";
        assert_eq!(quoted(text), ["\"Marvelous! And can you tell me why?\""]);
        let curly = "The error says “Connection refused. Please try again later.” It fails every time.";
        assert_eq!(quoted(curly), ["“Connection refused. Please try again later.”"]);
    }

    #[test]
    fn real_quotations_over_sentences_are_found() {
        // data/messages bb5-040 (a project blog), gh-013 (a GitHub comment) and cx-077 (an
        // IRC line): a story's dialogue, an error banner, a dashboard's message.
        for (text, quotation) in [
            (
                "Andrew sends a desperate message across the Atlantic. \"Matt, tell the people we haven't forgotten them. Tell them our story. Tell them!\"",
                "\"Matt, tell the people we haven't forgotten them. Tell them our story. Tell them!\"",
            ),
            (
                "I'm seeing \"Merging is blocked. The base branch restricts merging to authorized users.\" ... will debug this",
                "\"Merging is blocked. The base branch restricts merging to authorized users.\"",
            ),
            (
                "Create Network provides \"Danger: An error occured. Please try again later.\" and it is returning 500 Internal Server Error.",
                "\"Danger: An error occured. Please try again later.\"",
            ),
        ] {
            assert_eq!(quoted(text), [quotation], "{text}");
        }
    }

    #[test]
    fn a_quotation_inside_one_sentence_is_left_to_its_reading() {
        assert!(quoted("A customer keeps asking \"can you hop on a call?\" when it fails. Can you look?").is_empty());
    }

    #[test]
    fn an_odd_number_of_straight_quotes_pairs_none() {
        // The screen is 27" wide: an inch mark, so no straight pair is sure.
        assert!(quoted("The screen is 27\" wide. It says \"Please restart. Then log in.\"").is_empty());
        // Curly quotes still pair.
        assert_eq!(quoted("It is 27\" wide. It says “Restart. Log in.”"), ["“Restart. Log in.”"]);
    }

    #[test]
    fn quotations_do_not_run_over_blocks() {
        assert!(quoted("He wrote \"Please merge.\n\nThen tag it.\"").is_empty());
    }

    #[test]
    fn a_sentence_gets_the_part_of_a_quotation_inside_it() {
        let quotation = [Span::new(10, 40)];
        assert_eq!(within(&quotation, Span::new(0, 20)), [Span::new(10, 20)]);
        assert_eq!(within(&quotation, Span::new(21, 50)), [Span::new(21, 40)]);
        assert!(within(&quotation, Span::new(41, 60)).is_empty());
    }
}
