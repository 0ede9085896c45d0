//! Which natural language a message is written in, by the `whatlang` crate (trigram
//! profiles of 69 languages, no dictionary, a few microseconds a message).
//!
//! plainly's rules about asks, deadlines, greetings and phrases read English. A team on
//! three continents writes some messages in German or French, and telling such a writer
//! that "bis Freitag" is no deadline would be wrong. So a message is read as English
//! unless the detector is sure it is another language: its text has at least
//! [`MIN_LETTERS`] letters, fewer than one word in ten is an English function word ("the",
//! "you", "can"…), and the detector's confidence is at least [`MIN_CONFIDENCE`]. Short or
//! mixed text stays English, so that a one-line English draft with a German name in it
//! keeps every rule. `[language] detect = false` in `plainly.toml` turns detection off.

use crate::document::Document;

/// Text with fewer letters is read as English: too little to tell.
pub const MIN_LETTERS: usize = 20;

/// A language other than English, as detected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OtherLanguage {
    /// Its ISO 639-3 code ("deu", "fra", "spa").
    pub code: &'static str,
    /// Its English name ("German").
    pub name: &'static str,
}

/// The language of `doc`'s prose when the detector is sure it is not English.
pub fn other_language(doc: &Document<'_>) -> Option<OtherLanguage> {
    other_language_of(&doc.flat.text)
}

/// How much of a text is read: a message's language shows in its first lines, and a
/// long document is not read whole on every keystroke.
const SAMPLE: usize = 2_000;

/// The language of `flat` (prose) when the detector is sure it is not English; only its
/// first [`SAMPLE`] bytes of words are read.
pub fn other_language_of(flat: &str) -> Option<OtherLanguage> {
    // Words, single-spaced: the same sample whether the text comes whole or in sections.
    let mut text = String::with_capacity(SAMPLE);
    for word in flat.split_whitespace() {
        if text.len() + word.len() >= SAMPLE {
            break;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
    if text.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS || reads_as_english(&text) {
        return None;
    }
    let info = whatlang::detect(&text)?;
    if info.lang() == whatlang::Lang::Eng || info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    Some(OtherLanguage { code: info.lang().code(), name: info.lang().eng_name() })
}

/// The detector's confidence below which a text is read as English. Its own "reliable"
/// mark is stricter than short messages allow ("Hola a todos, ¿podéis revisar el informe
/// antes del viernes?" is Spanish at 0.89 and not "reliable"); the English words below
/// keep English text that trigrams mistake ("Release notes… leverage synergy" as French
/// at 0.74) English.
const MIN_CONFIDENCE: f64 = 0.5;

/// Function words no other common language writes the same way: one word in ten of them
/// makes a text English, whatever its trigrams say.
const ENGLISH_WORDS: &[&str] = &[
    "the", "to", "and", "of", "is", "you", "we", "can", "it", "that", "this", "for", "with", "are", "be", "have",
    "will", "please", "thanks", "could", "would", "should", "at", "by", "from", "or", "if", "not", "my", "our", "your",
    "do", "does", "did", "was", "were", "has", "had", "what", "when", "which", "who", "how", "there", "they", "she",
    "but", "just", "about", "i'm", "it's", "don't", "let's",
];

fn reads_as_english(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '\u{2019}')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
        .collect();
    let english = words.iter().filter(|w| ENGLISH_WORDS.contains(&w.as_str())).count();
    english * 10 >= words.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ParseOptions;
    use crate::input::FileKind;

    fn detect(text: &str) -> Option<&'static str> {
        other_language(&Document::parse(text, FileKind::Text, ParseOptions::default())).map(|l| l.code)
    }

    #[test]
    fn short_german_french_and_spanish_messages_are_seen() {
        // The newcomer's messages, and their neighbours.
        assert_eq!(detect("Hallo zusammen, könnt ihr bitte bis Freitag den Bericht prüfen?"), Some("deu"));
        assert_eq!(detect("Bonjour à tous, pourriez-vous relire le rapport avant vendredi ?"), Some("fra"));
        assert_eq!(detect("Hola a todos, ¿podéis revisar el informe antes del viernes?"), Some("spa"));
    }

    #[test]
    fn english_and_short_text_stay_english() {
        assert_eq!(detect("Can you review the report before Friday? Thanks, Jürgen"), None);
        assert_eq!(detect("Danke!"), None);
        assert_eq!(detect("Hi Sam, could you review the Q4 roadmap doc by Friday 15:00 UTC?"), None);
        // English that trigrams read as French (found by the incremental property test).
        assert_eq!(
            detect(
                "# Release notes\n\nCan you review the rollout priday?\n\n# Release not,d- plainly-disable-next-line jargon -->\nWe must leverage synergy."
            ),
            None
        );
    }
}
