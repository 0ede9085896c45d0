//! Asking for a meeting: a meeting noun as what is requested or proposed ("hop on a
//! call", "set up a meeting"), or a meeting verb with "we" or "you" as its subject ("can we
//! talk today?"); a phone number says how to call, not what about.

use super::{MEETING_NOUNS, MEETING_VERBS, MOMENTS, PLEASE, W, is_separator};
use crate::language::tagger::Upos;

/// Days named relative to today or by the week, which say when, not what kind of meeting
/// ("a call tomorrow" is no "call tomorrow" the way "a call center" is a center).
#[rustfmt::skip]
pub(super) const DAYS: &[&str] = &[
    "today", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "morning", "afternoon", "evening", "mon", "tue", "wed", "thu", "fri",
];

/// Verbs that take a meeting noun as their object ("hop on a call", "set up a meeting").
pub(super) const MEETING_SETUP_VERBS: &[&str] = &[
    "have", "do", "schedule", "set", "setup", "book", "arrange", "organize", "organise", "hop", "jump", "get", "grab",
    "plan", "hold", "join", "start", "find", "make", "take", "want", "need", "like", "fit", "squeeze", "add", "send",
    "hold", "throw", "put",
];

/// Where a sentence that asks or proposes asks for a meeting: the meeting words, as a range
/// of `core` indices.
pub(super) fn meeting_request(core: &[W<'_>]) -> Option<(usize, usize)> {
    for (i, w) in core.iter().enumerate() {
        if w.quote || w.is_punct() {
            continue;
        }
        if w.any(MEETING_VERBS) && (w.is_verb() || in_verb_slot(core, i)) {
            if let Some(range) = meeting_verb(core, i) {
                return Some(range);
            }
            continue;
        }
        // A meeting noun that is a common noun (not "Sync" or "Meet" the product), not the
        // first half of a compound ("the meeting notes"), not "make the call" (decide) or
        // "a call to the API", and not a meeting that already happened ("after the call").
        if w.any(MEETING_NOUNS)
            && matches!(w.upos(), Upos::Noun | Upos::X | Upos::Adj | Upos::Intj | Upos::Verb)
            && !is_arranged(core, i)
        {
            let compound = core
                .get(i + 1)
                .is_some_and(|n| n.upos() == Upos::Noun && !n.any(MEETING_NOUNS) && !n.any(DAYS) && !n.is_punct());
            let deciding = core[..i].iter().rev().take(3).any(|p| {
                p.any(&[
                    "make",
                    "makes",
                    "made",
                    "making",
                    "judgment",
                    "judgement",
                    "tough",
                    "good",
                    "close",
                    "your",
                    "my",
                    "final",
                    "right",
                ])
            });
            // "Do we have any meetings arranged?" asks whether there are any.
            let existing = core[..i].iter().rev().take(2).any(|p| p.is("any"));
            let api = w.any(&["call", "calls"])
                && core.get(i + 1).is_some_and(|n| n.is("to"))
                && core.get(i + 2).is_some_and(|n| !n.is_verb());
            // A meeting that is already set ("before the 10am call", "for the next
            // meeting") is an event, unless the sentence asks to set it up or join it.
            let start = meeting_phrase_start(core, i);
            let governed = start < i && core[start].any(MEETING_SETUP_VERBS)
                || start
                    .checked_sub(1)
                    .is_some_and(|p| core[p].any(MEETING_SETUP_VERBS) || core[p].any(&["join", "attend"]));
            let reported_event = !governed
                && core[..i].iter().rev().take(4).take_while(|p| !p.is_verb()).any(|p| {
                    // "Friday's call", "the team's sync"
                    p.tag.xpos == "POS"
                        || p.any(&[
                            "the",
                            "this",
                            "that",
                            "our",
                            "yesterday's",
                            "last",
                            "today's",
                            "after",
                            "before",
                            "in",
                            "during",
                            "from",
                            "next",
                        ])
                });
            if !compound && !deciding && !api && !existing && !reported_event && !call_for_no_meeting(core, i) {
                return Some((start, i));
            }
            continue;
        }
        // "catch up", "hop on", "jump on" + meeting noun handled by the noun; "catch up"
        // alone is a meeting verb.
        if w.any(&["catch"]) && core.get(i + 1).is_some_and(|n| n.is("up")) && has_meeting_subject(core, i) {
            return Some((i, i + 1));
        }
    }
    None
}

/// The start of the phrase around a meeting noun: its setup verb and determiners ("hop on
/// a quick call", "a meeting").
pub(super) fn meeting_phrase_start(core: &[W<'_>], noun: usize) -> usize {
    let mut from = noun;
    while from > 0 {
        let p = &core[from - 1];
        let modifier = matches!(p.upos(), Upos::Det | Upos::Adj | Upos::Num)
            || p.any(&[
                "quick", "short", "brief", "video", "phone", "zoom", "teams", "slack", "a", "an", "1", "15", "30",
                "min", "minute", "-", "on", "up",
            ]);
        let verb = p.any(MEETING_SETUP_VERBS) || p.is_verb() && !p.any(&["is", "are", "was", "be", "been"]);
        if modifier || verb {
            from -= 1;
            if verb && !p.any(&["on", "up"]) {
                break;
            }
        } else {
            break;
        }
    }
    from
}

/// Whether the word at `i` stands where only a verb can: after "let's", a subject
/// pronoun, a modal or "to", or at the start of the core. The tagger, trained on little
/// chat, often reads a rare verb such as "sync" as an adjective or a noun there.
pub(super) fn in_verb_slot(core: &[W<'_>], i: usize) -> bool {
    let previous = core[..i].iter().rev().find(|w| !w.is_punct() && !matches!(w.upos(), Upos::Adv) && !w.any(PLEASE));
    match previous {
        None => true,
        // "Friday's call" is a possessive, "let's call" a proposal.
        Some(p) if p.tag.xpos == "POS" => false,
        Some(p) => p.any(&[
            "'s", "us", "we", "you", "u", "i", "to", "can", "could", "will", "would", "shall", "should", "must",
            "wanna", "gonna", "lets", "'ll", "'d", "might", "may",
        ]),
    }
}

/// A "call" that is no meeting: a duty ("who should be on call?", "Can you be on call this
/// weekend?"; "on a call" is a meeting), or "call for" + a thing, which demands or fetches
/// it ("Call for papers", "a call for comments", "Call for a catalog"). A call *for*
/// people or a time is a meeting ("organize a call for Mike and me", "a call for 15
/// minutes", "set up a call for next week").
pub(super) fn call_for_no_meeting(core: &[W<'_>], i: usize) -> bool {
    core[i].is("call") && i > 0 && core[i - 1].is("on") || calls_for_something(core, i)
}

/// "call for" + a thing (see [`call_for_no_meeting`]).
pub(super) fn calls_for_something(core: &[W<'_>], i: usize) -> bool {
    if !core[i].any(&["call", "calls"]) || !core.get(i + 1).is_some_and(|n| n.is("for")) {
        return false;
    }
    let Some(object) = core[i + 2..].iter().find(|w| !w.any(&["a", "an", "the", "some", "more"])) else {
        return false;
    };
    object.upos() == Upos::Noun
        && !object.any(MOMENTS)
        && !object.any(&["tomorrow", "today", "tonight", "hour", "hours", "week", "morning", "afternoon", "evening"])
}

/// Whether the meeting verb at `i` speaks of a meeting already arranged: a progressive
/// after "be" ("we're meeting today", "are we still syncing at 3?", "figure out if we're
/// meeting today or not"). The spec's hard case: a meeting already set, or a question
/// about one, does not ask for a meeting.
fn is_arranged(core: &[W<'_>], i: usize) -> bool {
    let before = core[..i].iter().rev().filter(|p| !p.any(&["not", "n't", "still", "also", "all", "even"]));
    core[i].tag.xpos == "VBG"
        && before.take(2).any(|p| p.any(&["are", "'re", "is", "'s", "am", "'m", "was", "were", "be", "re"]))
}

/// A meeting verb whose subject is "we" or "you" (or an imperative to the reader): "can we
/// talk today?", "let's sync", "could you call me?". Not "meet the deadline", "sync the
/// repo", "call the API", and not a contact instruction ("call me at 555-0100").
pub(super) fn meeting_verb(core: &[W<'_>], i: usize) -> Option<(usize, usize)> {
    let w = &core[i];
    if !has_meeting_subject(core, i) {
        return None;
    }
    if call_for_no_meeting(core, i) || is_arranged(core, i) {
        return None;
    }
    let object = core.get(i + 1);
    // "I will sync with him": the writer meeting someone else asks nothing of the reader.
    let writer_alone = core[..i].iter().rev().take(4).any(|p| p.is("i"))
        && object.is_some_and(|o| o.is("with"))
        && core.get(i + 2).is_some_and(|p| p.any(&["him", "her", "them"]) || p.upos() == Upos::Propn);
    if writer_alone {
        return None;
    }
    // "who would handle this that we can speak to?": a preposition left at the end of a
    // relative clause; the meeting verb describes someone, it asks for nothing.
    let stranded = object.is_some_and(|o| o.upos() == Upos::Adp && !o.is("up"))
        && core.get(i + 2).is_none_or(|n| n.is_punct() && !is_separator(n));
    if stranded {
        return None;
    }
    match object {
        // "meet up", "sync up"
        Some(o) if o.is("up") => Some((i, i + 1)),
        Some(o) if o.any(&["me", "us", "you", "u", "him", "her", "them"]) => {
            if w.any(&["call", "phone", "ring"]) {
                // "call me at 555-0100", "call me on my cell": contact details.
                let contact = core[i + 2..].iter().take(4).any(|n| {
                    is_phone_number(n.lower)
                        || n.any(&["cell", "mobile", "number", "phone", "landline", "anytime", "whenever", "if", "any"])
                });
                return (!contact).then_some((i, i + 1));
            }
            Some((i, i + 1))
        }
        // "meet the deadline", "sync the repo", "call the function": a thing as object.
        Some(o)
            if matches!(o.upos(), Upos::Det | Upos::Noun | Upos::Propn)
                && !o.any(&[
                    "today", "tomorrow", "tonight", "later", "sometime", "now", "soon", "this", "next", "quickly",
                    "briefly", "live", "online", "offline", "in", "on", "at", "for", "about", "with", "over", "up",
                    "real",
                ]) =>
        {
            None
        }
        _ => Some((i, i)),
    }
}

/// A phone number or extension: "555-0100", "713.853.3989", "x34703", "x3-9890".
pub fn is_phone_number(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let shaped = word.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '(' | ')' | '+' | '/' | 'x'));
    shaped && (digits >= 6 || word.starts_with('x') && digits >= 4)
}

/// Whether a meeting verb at `i` has "we" or "you" as its subject, or is an imperative or
/// proposal addressed to the reader ("let's sync", "Call me").
pub(super) fn has_meeting_subject(core: &[W<'_>], i: usize) -> bool {
    let before: Vec<&W<'_>> = core[..i].iter().filter(|w| !w.is_punct() || is_separator(w)).collect();
    // The nearest person in the verb's clause: "I'd like to talk", "can we talk", "let's
    // sync", "I'll propose some slots to meet", but not "they want to meet".
    let clause = before.iter().rev().take_while(|w| !is_separator(w)).map(|w| w.lower);
    let person = clause.clone().position(|w| matches!(w, "we" | "'s" | "us" | "you" | "u" | "y'all" | "i"));
    if let Some(person) = person {
        return !clause.take(person.min(3)).any(|w| matches!(w, "they" | "he" | "she" | "it"));
    }
    // "Talk tomorrow?", "Sync at 3?", "Call me": the verb opens the core.
    before.iter().all(|w| {
        w.any(PLEASE)
            || w.any(&["just", "maybe", "quickly", "so", "also", "want", "to", "wanna", "free", "able", "time"])
            || is_separator(w)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::read;
    use crate::language::reading::Acts;

    #[test]
    fn meetings() {
        for text in [
            "Can we talk today?",
            "Let's get on zoom.",
            "Can we hop on a quick call at 3pm?",
            "Let's sync tomorrow.",
            "Barbara, please organize a call for Mike, Michelle, Mark Stubley and me.",
            "Can we set up a call for 15 minutes?",
        ] {
            assert!(read(text).acts.contains(Acts::MEETING), "{text}: {:?}", read(text));
        }
        for text in [
            "Call me at 555-0100 if anything breaks.",
            "Can you make the call on pricing?",
            "Can you send the meeting notes?",
            "Can we meet the deadline?",
            // "call for" + a thing (messages-2 020, the treebank, the corpus).
            "Call For Papers (CFP)",
            "Handcrafted Furry Animals Wholesale, Call for a Catalog NOW!",
            "Please post a call for comments period on the PR.",
            // On-call duty (tests/fixtures, the corpus).
            "Who should be on call?",
            "Can you be on call this weekend?",
            "A customer keeps asking “can you hop on a call?”",
            // A meeting already arranged (the spec's hard case; a chat turn of the fourth
            // precision audit, data/audits/2026-12-07-4, 34).
            "Are we still meeting today?",
            "So should we wait a few minutes, then figure out if we're meeting today or not?",
        ] {
            assert!(!read(text).acts.contains(Acts::MEETING), "{text}: {:?}", read(text));
        }
    }
}
