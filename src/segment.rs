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

/// The sentences of `prose[span]`, each trimmed of surrounding white space.
///
/// Line breaks inside a block are read as spaces, so hard-wrapped email lines do not
/// end sentences; a full stop after a known abbreviation or a single capital
/// ("Dana M. Dellacona") does not either.
pub fn sentences(prose: &str, span: Span) -> Vec<Span> {
    let text = span.slice(prose);
    // UAX #29 ends a sentence at every line break; read breaks as spaces instead.
    let flat;
    let text = if text.contains(['\n', '\r']) {
        flat = text.replace(['\n', '\r'], " ");
        flat.as_str()
    } else {
        text
    };
    let mut out: Vec<Span> = Vec::new();
    let mut glue = false;
    for (at, sentence) in text.split_sentence_bound_indices() {
        let trimmed_start = sentence.len() - sentence.trim_start().len();
        let trimmed = sentence.trim();
        if !trimmed.chars().any(char::is_alphanumeric) {
            // Stray punctuation between sentences belongs to the one before.
            if let Some(last) = out.last_mut() {
                if !trimmed.is_empty() {
                    last.end = span.start + at + trimmed_start + trimmed.len();
                }
            }
            continue;
        }
        let piece = Span::new(span.start + at + trimmed_start, span.start + at + trimmed_start + trimmed.len());
        // "(today hopefully?) and legal signs" goes on after a bracketed question.
        let continues = (trimmed.chars().next().is_some_and(char::is_lowercase)
            && out.last().is_some_and(|last| prose[last.range()].ends_with([')', ']'])))
            // "Planificaci?n", "Yahoo!Mail": a mark glued to the next letter ends nothing.
            || (at > 0
                && !text[..at].ends_with(char::is_whitespace)
                && trimmed.chars().next().is_some_and(char::is_alphanumeric)
                && !out.is_empty());
        match out.last_mut() {
            Some(last) if glue || continues => last.end = piece.end,
            _ => out.push(piece),
        }
        glue = ends_with_abbreviation(trimmed);
    }
    out
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
