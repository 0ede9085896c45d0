//! Splitting prose into words and sentences (Unicode UAX #29, plus the
//! abbreviations that UAX #29 mistakes for sentence ends).

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// Words that end in a full stop without ending the sentence. Compared lowercased.
const ABBREVIATIONS: &[&str] = &[
    "approx", "ca", "cf", "co", "corp", "dept", "dr", "e.g", "eg", "est", "etc", "fig", "i.e", "ie", "inc", "jr",
    "ltd", "mr", "mrs", "ms", "mt", "no", "nos", "prof", "re", "sr", "st", "vol", "vs",
];

/// The words of `prose[span]`: UAX #29 word segments that start with a letter or digit.
pub fn words(prose: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    span.slice(prose).split_word_bound_indices().filter_map(move |(at, word)| {
        word.chars()
            .next()
            .filter(|c| c.is_alphanumeric())
            .map(|_| Span::new(span.start + at, span.start + at + word.len()))
    })
}

/// Characters that can end a sentence in UAX #29 (terminators and paragraph separators).
const SENTENCE_ENDS: &[char] = &['.', '!', '?', '\u{3002}', '\u{FF01}', '\u{FF1F}', '\u{85}', '\u{2028}', '\u{2029}'];

/// Punctuation that cannot start a sentence; left over after a blanked code span or link.
const NOT_A_START: &[char] = &[')', ']', '}', ',', ';', ':', '.', '!', '?', '-', '\u{2013}', '\u{2014}', '|', '>'];

/// The sentences of `prose[span]`, each trimmed of surrounding white space.
///
/// Line breaks inside a block are read as spaces, so hard-wrapped email lines do not
/// end sentences; a full stop after a known abbreviation or a single capital
/// ("Dana M. Dellacona") does not either. A line ending in a colon before a line that
/// starts with a capital does end one ("Sessions are held at:\nEMEA: 8:30 UTC").
pub fn sentences(prose: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    let text = span.slice(prose);
    for (at, _) in text.match_indices(":\n") {
        let next = text[at + 2..].trim_start();
        if next.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
            let end = span.start + at + 1;
            segment(prose, Span::new(start, end), &mut out);
            start = end;
        }
    }
    segment(prose, Span::new(start, span.end), &mut out);
    out
}

/// Appends the sentences of `prose[span]` to `out`.
fn segment(prose: &str, span: Span, out: &mut Vec<Span>) {
    let text = span.slice(prose);
    let last_alphanumeric = text.char_indices().rev().find(|(_, c)| c.is_alphanumeric()).map(|(at, _)| at);
    let Some(last_alphanumeric) = last_alphanumeric else { return };
    // Most headings, list items and table cells are one sentence: UAX #29 can only
    // break after a terminator, so without one before the end there is nothing to split.
    if !text[..last_alphanumeric].contains(SENTENCE_ENDS) {
        if let Some(piece) = trim(text) {
            out.push(Span::new(span.start + piece.0, span.start + piece.1));
        }
        return;
    }
    // UAX #29 ends a sentence at every line break; read breaks as spaces instead.
    let flat;
    let text = if text.contains(['\n', '\r']) {
        flat = text.replace(['\n', '\r'], " ");
        flat.as_str()
    } else {
        text
    };
    let first = out.len();
    let mut glue = false;
    for (at, sentence) in text.split_sentence_bound_indices() {
        let Some((from, to)) = trim(sentence) else {
            // Stray punctuation between sentences belongs to the one before.
            let stray = sentence.trim();
            if let Some(last) = out[first..].last_mut().filter(|_| !stray.is_empty()) {
                let lead = sentence.len() - sentence.trim_start().len();
                last.end = span.start + at + lead + stray.len();
            }
            continue;
        };
        let piece = Span::new(span.start + at + from, span.start + at + to);
        let trimmed = &sentence[from..to];
        // "(today hopefully?) and legal signs" goes on after a bracketed question.
        let continues = (trimmed.chars().next().is_some_and(char::is_lowercase)
            && out[first..].last().is_some_and(|last| prose[last.range()].ends_with([')', ']'])))
            // "Planificaci?n", "Yahoo!Mail": a mark glued to the next letter ends nothing.
            || (at > 0
                && !text[..at].ends_with(char::is_whitespace)
                && trimmed.chars().next().is_some_and(char::is_alphanumeric)
                && out.len() > first);
        match out[first..].last_mut() {
            Some(last) if glue || continues => last.end = piece.end,
            _ => out.push(piece),
        }
        glue = ends_with_abbreviation(trimmed);
    }
}

/// The byte range of `text` without surrounding white space and without punctuation
/// that cannot start a sentence; `None` when no letter or digit is left.
fn trim(text: &str) -> Option<(usize, usize)> {
    let start = text.len() - text.trim_start().trim_start_matches(NOT_A_START).trim_start().len();
    let end = text.trim_end().len();
    (start < end && text[start..end].chars().any(char::is_alphanumeric)).then_some((start, end))
}

/// Whether a sentence candidate ends with a full stop that UAX #29 should not have taken
/// as a sentence end.
fn ends_with_abbreviation(sentence: &str) -> bool {
    let Some(body) = sentence.strip_suffix('.') else { return false };
    let last = body.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    if last.chars().count() == 1 && last.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    let lower = last.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, Span::new(0, text.len())).into_iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn hard_wrapped_lines_do_not_end_sentences() {
        assert_eq!(
            split("This confirms our\nconversation today.  As discussed,\nI will check."),
            ["This confirms our\nconversation today.", "As discussed,\nI will check."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Ask Dr. Smith, e.g. about it. Dana M. Dellacona wrote it."),
            ["Ask Dr. Smith, e.g. about it.", "Dana M. Dellacona wrote it."]
        );
    }

    #[test]
    fn a_mark_glued_to_a_letter_ends_nothing() {
        assert_eq!(
            split("Director de Planificaci?n y Medios. Next one."),
            ["Director de Planificaci?n y Medios.", "Next one."]
        );
    }

    #[test]
    fn a_colon_at_a_line_end_before_a_capital_ends_a_sentence() {
        assert_eq!(
            split("Sessions are held at:\nEMEA: 8:30 UTC\nAMER: 15:30 UTC"),
            ["Sessions are held at:", "EMEA: 8:30 UTC\nAMER: 15:30 UTC"]
        );
    }

    #[test]
    fn leftover_punctuation_does_not_start_a_sentence() {
        assert_eq!(split(") It is expected to work."), ["It is expected to work."]);
    }

    #[test]
    fn text_without_terminators_is_one_sentence() {
        assert_eq!(split("  A heading without a full stop  "), ["A heading without a full stop"]);
    }

    #[test]
    fn questions_and_exclamations_end_sentences() {
        assert_eq!(split("Can you look? Thanks!! Done."), ["Can you look?", "Thanks!!", "Done."]);
    }

    #[test]
    fn words_skip_punctuation_and_keep_contractions() {
        let text = "Don't merge — it's 3pm, ok?";
        let got: Vec<&str> = words(text, Span::new(0, text.len())).map(|s| s.slice(text)).collect();
        assert_eq!(got, ["Don't", "merge", "it's", "3pm", "ok"]);
    }
}
