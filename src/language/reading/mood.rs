//! The grammatical mood of a sentence's core: a question (a `?`, or an inverted
//! auxiliary: "can you…"), an imperative (a bare verb with no subject: "Review the
//! draft", "Please send…"), a fragment (no verb), or a statement.

use super::{Mood, SOMEONE, W, is_separator};
use crate::language::tagger::Upos;

/// Adverbs that may come before an imperative verb ("just send it", "please do review").
pub(super) const BEFORE_IMPERATIVE: &[&str] =
    &["please", "pls", "plz", "kindly", "just", "also", "then", "now", "simply"];

/// The mood of a sentence's core.
pub(super) fn mood(core: &[W<'_>]) -> Mood {
    let Some(first) = core.iter().position(|w| !w.is_punct()) else { return Mood::Fragment };
    // A question mark makes a question unless it is inside brackets, an aside ("(today
    // hopefully?)"), or in reported words.
    if core.iter().any(|w| w.lower.starts_with('?') && w.is_punct() && !w.quote && !w.bracketed) {
        return Mood::Question;
    }
    if is_inverted_question(&core[first..]) {
        return Mood::Question;
    }
    if imperative_at(core).is_some() {
        return Mood::Imperative;
    }
    if core.iter().any(|w| w.is_verb() && !w.quote) { Mood::Statement } else { Mood::Fragment }
}

/// "Can you…", "Could someone…", "Would it be possible…", "Do we…": an auxiliary before
/// its subject, which makes a question even without a question mark.
pub(super) fn is_inverted_question(core: &[W<'_>]) -> bool {
    let [aux, subject, ..] = core else { return false };
    let inverting = aux.upos() == Upos::Aux && matches!(aux.tag.xpos, "MD" | "VBP" | "VBZ" | "VBD")
        || aux.any(&["can", "could", "would", "will", "shall", "should", "do", "does", "did", "may", "might"]);
    inverting
        && !aux.tag.imperative
        && (subject.upos() == Upos::Pron && !subject.any(&["that", "this", "it"])
            || subject.any(SOMEONE)
            || subject.is_you())
}

/// The index (in `core`) of an imperative verb that opens a clause, if any: at the start of
/// the core, after "please"/"just", after a comma that ends an opening clause ("If you
/// have time, send it"), or after a colon that ends a label ("Action needed: send it"),
/// but not after one that ends a statement ("The runbook has a new first step: compare
/// error rates"), where the verb explains rather than asks. After "and", "or" or "but" a
/// verb is imperative only when no clause before it had a subject ("Both have shipped
/// and join the rotation" shares "Both"). Nothing in a subordinate clause ("if I take it
/// and paste it") is an imperative.
pub(super) fn imperative_at(core: &[W<'_>]) -> Option<usize> {
    #[derive(PartialEq)]
    enum Start {
        Clause,
        Coordinated,
        No,
    }
    let mut start = Start::Clause;
    let mut subordinate = false;
    // Whether the current stretch, and any stretch before it, has a finite verb.
    let (mut finite_here, mut finite_before) = (false, false);
    // A subject still waiting for its verb: "All twelve pipelines, which finish by 05:30,
    // now write…" is a statement, not "write…" said to the reader.
    let mut pending_subject = false;
    let mut stretch_start = 0;
    for (i, w) in core.iter().enumerate() {
        if w.quote {
            start = Start::No;
            continue;
        }
        if is_separator(w) {
            let stretch = &core[stretch_start..i];
            let relative = stretch.first().is_some_and(|f| {
                matches!(f.tag.xpos, "WDT" | "WP") && !f.lower.starts_with("wh")
                    || f.any(&["which", "who", "whom", "whose"])
            });
            let noun_phrase = stretch
                .first()
                .is_some_and(|f| matches!(f.upos(), Upos::Det | Upos::Num | Upos::Noun | Upos::Propn | Upos::Adj))
                && stretch.iter().any(|n| matches!(n.upos(), Upos::Noun | Upos::Propn))
                && !stretch.iter().any(W::is_verb);
            pending_subject = noun_phrase || relative && pending_subject;
            start = if w.lower == ":" && finite_here || pending_subject { Start::No } else { Start::Clause };
            finite_before |= finite_here && !subordinate;
            finite_here = false;
            subordinate = false;
            stretch_start = i + 1;
            continue;
        }
        if w.is_verb() && matches!(w.tag.xpos, "VBZ" | "VBD" | "VBP" | "MD") {
            finite_here = true;
        }
        if start == Start::Clause && w.any(BEFORE_IMPERATIVE) && w.upos() != Upos::Verb {
            continue;
        }
        if start == Start::Clause
            && (w.upos() == Upos::Sconj
                || w.any(&["if", "when", "unless", "once", "whether", "because", "since", "while", "as"]))
        {
            subordinate = true;
        }
        // After a finished statement ("We have started on the graphs, and the Risk - Return
        // ones…") a bare verb is an imperative only if the tagger reads it as one.
        let clause_ok = start == Start::Clause && (!finite_before || w.tag.imperative);
        let coordinated_ok = start == Start::Coordinated && w.tag.imperative && !finite_here && !finite_before;
        if !subordinate && (clause_ok || coordinated_ok) && is_imperative_verb(core, i) {
            return Some(i);
        }
        start = if w.any(&["please", "pls", "plz", "kindly"]) {
            Start::Clause
        } else if w.any(&["and", "then", "but", "so", "or"]) {
            Start::Coordinated
        } else {
            Start::No
        };
    }
    None
}

/// Whether the word at `i` is an imperative verb: tagged so, or a base-form verb with
/// nothing before it in its clause.
pub(super) fn is_imperative_verb(core: &[W<'_>], i: usize) -> bool {
    let w = &core[i];
    // "Save-the-Date", "follow-up", "check-in": a verb joined to the next word makes a noun.
    if !(w.is_verb() || verb_before_object(core, i)) || w.quote || w.joined {
        return false;
    }
    if w.tag.imperative {
        return !is_mistagged_subject(core, i);
    }
    // "don't merge", "do not merge", "let's": the tagger may read these as auxiliaries.
    if w.any(&["do", "don't"]) {
        let next = core.get(i + 1);
        let after = core.get(i + 2);
        return next.is_some_and(|n| n.any(&["n't", "not"])) && after.is_some_and(|a| a.tag.xpos == "VB")
            || next.is_some_and(|n| n.tag.xpos == "VB" && n.upos() == Upos::Verb);
    }
    (w.tag.xpos == "VB" && w.upos() == Upos::Verb || verb_before_object(core, i)) && !is_mistagged_subject(core, i)
}

/// "Ping me if it breaks", "Slack us the link": before an object pronoun, a word the
/// tagger took for a noun, or for a gerund when no vowel comes before its "ing" ("Ping",
/// "Bring" are no gerunds), is a verb: a chat verb the treebank rarely shows.
pub(super) fn verb_before_object(core: &[W<'_>], i: usize) -> bool {
    let w = &core[i];
    let stem_has_vowel =
        |word: &str| word.strip_suffix("ing").is_some_and(|stem| stem.contains(['a', 'e', 'i', 'o', 'u', 'y']));
    core.get(i + 1).is_some_and(|n| n.any(&["me", "us"]))
        && (matches!(w.tag.xpos, "NN" | "NNP") || w.tag.xpos == "VBG" && !stem_has_vowel(w.lower))
}

/// "Expiry runs…", "heap usage stayed…": a "verb" followed, after at most two nouns, by a
/// finite verb is the subject of that verb, which the tagger took for an imperative.
pub(super) fn is_mistagged_subject(core: &[W<'_>], i: usize) -> bool {
    let after = core[i + 1..].iter().find(|n| !matches!(n.upos(), Upos::Noun | Upos::Propn));
    let nouns = core[i + 1..].iter().take_while(|n| matches!(n.upos(), Upos::Noun | Upos::Propn)).count();
    nouns <= 2 && after.is_some_and(|n| n.is_verb() && matches!(n.tag.xpos, "VBZ" | "VBD" | "VBP"))
}

#[cfg(test)]
mod tests {
    use super::super::tests::mood_of;

    #[test]
    fn moods() {
        assert_eq!(mood_of("Can you review the draft by Friday?"), "question");
        assert_eq!(mood_of("Could someone take a look at the failing build."), "question");
        assert_eq!(mood_of("Review the draft by Friday."), "imperative");
        assert_eq!(mood_of("Please send me the numbers."), "imperative");
        assert_eq!(mood_of("Don't merge the branch yet."), "imperative");
        // Chat verbs the tagger reads as a gerund or a noun, before an object pronoun.
        assert_eq!(mood_of("Ping me ASAP if the build breaks."), "imperative");
        assert_eq!(mood_of("Slack me the link when it's up."), "imperative");
        // Emoji are no words.
        assert_eq!(mood_of("🚀 Ship it ASAP."), "imperative");
        assert_eq!(mood_of("Thanking you in advance for the help."), "statement");
        assert_eq!(mood_of("I merged the branch yesterday."), "statement");
        assert_eq!(mood_of("Thanks!"), "fragment");
    }
}
