//! What opens a sentence without being part of its clause: greetings ("Hi team",
//! "good morning"), vocatives ("Sam,", "@sam"), connectives ("also", "btw"), and a
//! vocative that closes it ("…, Sam?"). The core the other constructions read starts
//! after them.

use super::social::{is_thanks, thanks_len};
use super::{Acts, GROUP_WORDS, SentenceReading, W, is_separator};
use crate::language::tagger::Upos;
use crate::language::tokens::TokenKind;

/// Words that greet when they open a sentence.
pub(super) const GREETING_WORDS: &[&str] =
    &["hi", "hey", "hello", "hiya", "heya", "howdy", "yo", "hola", "greetings", "dear", "gm", "morning", "evening"];

/// The second word of a two-word greeting: "good morning".
pub(super) const GOOD_TIMES: &[&str] = &["morning", "afternoon", "evening", "day"];

/// Words that open a sentence without being part of its clause ("Also, can you…", "btw
/// can you…").
pub(super) const CONNECTIVES: &[&str] =
    &["also", "btw", "so", "and", "but", "oh", "plus", "anyway", "ps", "p.s.", "fwiw"];

/// Words that open a sentence without being part of its clause only when a comma follows
/// them ("Right, can you…", "OK, send it"; but "Right now expiry runs…").
#[rustfmt::skip]
pub(super) const SEPARATED_CONNECTIVES: &[&str] = &[
    "ok", "okay", "well", "now", "then", "again", "finally", "lastly", "yes", "yeah", "sure", "great", "cool",
    "right", "hmm", "ah", "alright", "first", "second", "third", "next", "additionally", "meanwhile", "separately",
    "update", "anyway", "anyways", "actually", "honestly", "basically",
];

/// Reads the opening (greetings, vocatives, connectives) and returns where the core starts.
pub(super) fn read_opening(words: &[W<'_>], reading: &mut SentenceReading) -> usize {
    let mut i = 0;
    let mut greeted = false;
    while i < words.len() {
        let w = &words[i];
        let next = words.get(i + 1);
        let span = reading.tokens[w.token].span;
        if is_separator(w) {
            i += 1;
        } else if w.kind == TokenKind::Mention {
            reading.addressee.vocative.get_or_insert(span);
            i += 1;
        } else if w.any(GREETING_WORDS) || (w.is("good") && next.is_some_and(|n| n.any(GOOD_TIMES))) {
            reading.acts.insert(Acts::GREET);
            greeted = true;
            i += if w.is("good") { 2 } else { 1 };
            if words.get(i).is_some_and(|n| n.is("there")) {
                i += 1;
            }
        } else if is_welcome(words, i) {
            // "Welcome back, Jared!", "welcome everyone", "Welcome to the team": a welcome
            // greets; "the welcome page" and "Welcome email sent" do not.
            reading.acts.insert(Acts::GREET);
            greeted = true;
            i += 1;
            if words.get(i).is_some_and(|n| n.is("back") || n.is("aboard")) {
                i += 1;
            }
        } else if (greeted || next.is_some_and(is_separator) || next.is_none())
            && w.any(GROUP_WORDS)
            && i + 1 >= words.len().min(i + 1)
            && (greeted || next.is_some_and(is_separator))
        {
            reading.addressee.group.get_or_insert(span);
            i += 1;
        } else if (greeted || next.is_some_and(is_separator)) && is_name(w) && !starts_clause(words, i) {
            reading.addressee.vocative.get_or_insert(span);
            i += 1;
        } else if (w.any(CONNECTIVES) && next.is_some_and(|n| is_separator(n) || !n.is_punct())
            || w.any(SEPARATED_CONNECTIVES) && next.is_some_and(is_separator))
            && !starts_clause(words, i)
        {
            i += 1;
        } else if is_thanks(&words[i..])
            && thanks_len(&words[i..]) < words.len() - i
            && words.get(i + thanks_len(&words[i..])).is_some_and(is_separator)
        {
            // "Thanks, can you…": the thanks is an opening.
            reading.acts.insert(Acts::THANK);
            i += thanks_len(&words[i..]);
        } else {
            break;
        }
    }
    i
}

/// Whether the word at `i` is a welcome: "welcome" followed by the end, a pause, "back",
/// "aboard", "to", "and", or who is welcomed (a name, a mention, a group), not by a noun
/// it names ("welcome page").
fn is_welcome(words: &[W<'_>], i: usize) -> bool {
    if !words[i].is("welcome") {
        return false;
    }
    words.get(i + 1).is_none_or(|n| {
        n.is_punct()
            || ["back", "aboard", "to", "and"].iter().any(|word| n.is(word))
            || n.kind == TokenKind::Mention
            || is_name(n)
            || n.any(GROUP_WORDS)
    })
}

/// Whether a word is a name said to the reader: a proper noun or a capitalized word.
pub(super) fn is_name(w: &W<'_>) -> bool {
    w.kind == TokenKind::Word && (w.upos() == Upos::Propn || w.tag.xpos == "NNP")
}

/// Whether the words from `i` start a clause ("Sam is out" rather than "Sam, …").
pub(super) fn starts_clause(words: &[W<'_>], i: usize) -> bool {
    words.get(i + 1).is_some_and(|n| n.is_verb() && !is_separator(n))
}

/// "…, Sam." / "Thanks, team!": a name or group after the sentence's last comma.
pub(super) fn read_closing_vocative(words: &[W<'_>], reading: &mut SentenceReading) {
    let end = words.iter().rposition(|w| !w.is_punct()).map_or(0, |at| at + 1);
    if end < 2 {
        return;
    }
    let last = &words[end - 1];
    if !is_separator(&words[end - 2]) || end - 2 < reading_core_index(words, reading) {
        return;
    }
    let span = reading.tokens[last.token].span;
    if last.kind == TokenKind::Mention || is_name(last) {
        reading.addressee.vocative.get_or_insert(span);
    } else if last.any(GROUP_WORDS) {
        reading.addressee.group.get_or_insert(span);
    }
}

pub(super) fn reading_core_index(words: &[W<'_>], reading: &SentenceReading) -> usize {
    words.iter().position(|w| w.token >= reading.core).unwrap_or(words.len())
}

#[cfg(test)]
mod tests {
    use super::super::Acts;
    use super::super::tests::read;

    #[test]
    fn a_phrase_opens_its_sentence_after_greetings_names_and_connectives() {
        let text = "Hi Sam, any thoughts?";
        let r = read(text);
        assert!(r.opens_at(text.find("any").unwrap()) && !r.opens_at(text.find("thoughts").unwrap()));
        let text = "Also, reminder: the freeze starts Friday.";
        assert!(read(text).opens_at(text.find("reminder").unwrap()));
        let text = "The reminder went out on Monday.";
        assert!(!read(text).opens_at(text.find("reminder").unwrap()));
    }

    #[test]
    fn a_welcome_greets() {
        // From the notes of two Kubernetes SIGs (../shared/corpus) and a chat turn of the
        // corpus (pg-014): a welcome and nothing else is only an opening.
        for text in ["Welcome back, Jared!", "Welcome back and Happy New Year!", "welcome Teejay!"] {
            let r = read(text);
            assert!(r.acts.contains(Acts::GREET) && r.is_only_opening(), "{text}");
        }
        // It greets, and the sentence says more (a weekly check-in, bb4-010).
        let r = read("Welcome to the fifth weekly check-in.");
        assert!(r.acts.contains(Acts::GREET) && !r.is_only_opening());
        // A page named "Welcome" (sx-020) and a welcome to act (lg2-098) do not greet.
        assert!(!read("Welcome page i18n").acts.contains(Acts::GREET));
        assert!(!read("Welcome add some suggestions here").acts.contains(Acts::GREET));
    }

    #[test]
    fn the_writer_is_in_a_sentence_outside_quotations() {
        assert!(read("What should we do next?").writer);
        assert!(read("Can you send me the logs?").writer);
        assert!(!read("What is TensorFrames?").writer);
        assert!(!read("The doc says \"we ship on Friday\".").writer);
    }

    #[test]
    fn addressees() {
        let r = read("Sam, can you review this?");
        assert_eq!((r.addressee.you, r.addressee.vocative.map(|s| s.start)), (true, Some(0)));
        let r = read("Hi team, quick update on the launch.");
        assert_eq!(r.addressee.group.map(|s| (s.start, s.end)), Some((3, 7)));
        let r = read("Could someone take a look?");
        assert!(r.addressee.group.is_some());
    }
}
