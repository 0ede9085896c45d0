//! Proposals: "let's…", "shall we…", "how about…", "I suggest we…", in any clause
//! of the sentence, and a plan put to the readers on the condition that nobody objects
//! ("If there are no objections, I'll merge it Friday").

use super::{MEETING_NOUNS, MEETING_VERBS, W, clause_starts, is_separator};
use crate::language::tagger::Upos;

/// "Let's…", "Shall we…", "How about…", "What about…", "Why don't we…", "Should we…",
/// "We could…", "We should…", "I suggest/propose we…", "Maybe we should…", "It would be
/// great if we could…", "I'd like to meet/discuss…", at the start of a main clause
/// ("Now that it's out, let's plan the next step").
pub(super) fn is_proposal(core: &[W<'_>]) -> bool {
    let words: Vec<&W<'_>> = core.iter().filter(|w| !w.quote && (!w.is_punct() || is_separator(w))).collect();
    let lower: Vec<&str> = words.iter().map(|w| w.lower).collect();
    if awaits_objections(&lower, &words) {
        return true;
    }
    clause_starts(&lower).into_iter().any(|at| {
        // Adverbs may come first ("Initially I propose…", "Maybe we should…"), and so may
        // "I think (that)" ("I think we should discuss the name").
        // So may a conjunction and a fronted time or place ("but at some point we should
        // drop…", "In the meantime, we could…").
        let mut k = at;
        while k + 1 < lower.len()
            && (matches!(words[k].upos(), Upos::Adv | Upos::Cconj) || matches!(lower[k], "so" | "ok" | "okay"))
        {
            k += 1;
        }
        if k < words.len() && words[k].upos() == Upos::Adp {
            let phrase = (k + 1..lower.len().min(k + 5))
                .take_while(|&j| matches!(words[j].upos(), Upos::Det | Upos::Adj | Upos::Noun | Upos::Num | Upos::Pron))
                .find(|&j| matches!(lower[j], "we" | "i"));
            if let Some(subject) = phrase {
                k = subject;
            }
        }
        if matches!(lower.get(k..k + 2), Some(["i", "think" | "guess" | "believe" | "feel"])) {
            k += 2;
            if lower.get(k) == Some(&"that") {
                k += 1;
            }
        }
        k < lower.len() && proposal_at(&lower[k..], &words[k..])
    })
}

/// A plan put to the readers on the condition that none of them objects, the lazy
/// consensus of mailing lists: "If there are no objections, I'll merge it Friday", "if no
/// one objects", "Unless there are any objections, I'm going to…", "If we don't hear
/// otherwise by Monday…", "This vote follows lazy consensus". It asks for their agreement
/// as a proposal does. Lazy consensus told of in the past ("I merged it based off lazy
/// consensus", a GitHub comment of data/messages, sx-185) proposes nothing.
fn awaits_objections(lower: &[&str], words: &[&W<'_>]) -> bool {
    let objection =
        |w: &str| matches!(w, "objection" | "objections" | "objects" | "object" | "concerns" | "complaints");
    let narrated = words.iter().any(|w| w.tag.xpos == "VBD");
    !narrated && lower.windows(2).any(|pair| pair == ["lazy", "consensus"])
        || lower.iter().enumerate().any(|(k, &w)| {
            let rest = &lower[k + 1..lower.len().min(k + 6)];
            match w {
                // "if there are no objections", "if no one objects", "if nobody has concerns"
                "if" => {
                    rest.iter().any(|r| matches!(*r, "no" | "nobody" | "noone" | "none"))
                        && rest.iter().any(|r| objection(r))
                        || matches!(rest, ["we", "do" | "don't", ..] | ["i", "do" | "don't", ..])
                            && rest.iter().take(4).any(|r| *r == "hear")
                            && rest.iter().take(3).any(|r| matches!(*r, "n't" | "not" | "don't"))
                }
                // "unless there are objections", "unless anyone objects"
                "unless" => rest.iter().any(|r| objection(r)),
                _ => false,
            }
        })
}

pub(super) fn proposal_at(start: &[&str], words: &[&W<'_>]) -> bool {
    match start {
        ["let", "'s", ..] | ["lets", ..] => true,
        // "Let us know" asks; "let us give you…" offers; "let us meet" proposes.
        ["let", "us", verb, rest @ ..] => {
            *verb != "know" && !rest.first().is_some_and(|w| matches!(*w, "you" | "your"))
        }
        ["shall", "we", ..] | ["should", "we", ..] | ["how", "about", ..] | ["what", "about", ..] => true,
        ["why", "do", "n't", "we", ..] | ["why", "not", ..] => true,
        // "We should meet", "we could ask Sam"; not "we should have an MVP by Friday" or
        // "we could be done", which expect rather than propose.
        ["we", "could" | "should", verb, rest @ ..] => {
            let expects = matches!(*verb, "be" | "have" | "get" | "see" | "know" | "probably")
                && !rest.iter().take(4).any(|w| MEETING_NOUNS.contains(w) || *w == "together");
            words.get(2).is_some_and(|w| w.is_verb()) && !expects
        }
        ["we", "might", "want", "to", ..] | ["we", "may", "want", "to", ..] => true,
        ["i", "suggest", ..]
        | ["i", "propose", ..]
        | ["i", "'d", "suggest", ..]
        | ["i", "would", "suggest", ..]
        | ["i", "recommend", ..]
        | ["i", "'d", "propose", ..]
        | ["my", "suggestion", ..]
        | ["my", "proposal", ..] => true,
        ["i", "'d" | "would", "like" | "love", "to", verb, rest @ ..]
        | ["we", "'d" | "would", "like" | "love", "to", verb, rest @ ..] => {
            MEETING_VERBS.contains(verb)
                || matches!(*verb, "discuss" | "propose" | "suggest" | "schedule" | "invite" | "move" | "reschedule")
                || matches!(*verb, "set" | "get" | "have")
                    && rest.iter().take(4).any(|w| MEETING_NOUNS.contains(w) || *w == "together")
        }
        // "It would be great if we could…", "Would be ideal if we can…"
        ["it", "would" | "'d", "be", _, "if", "we" | "you", "could" | "can" | "would", ..]
        | ["would", "be", _, "if", "we" | "you", "could" | "can" | "would", ..] => true,
        // "It may be worthwhile for us to have a quick call", "it would be good to meet",
        // "I think it may be appropriate for both of you to join us": an evaluation of
        // something the reader and writer could do.
        ["it", "may" | "might" | "would" | "'d" | "could", "be", adjective, "to" | "for", ..] => {
            matches!(
                *adjective,
                "good"
                    | "great"
                    | "worthwhile"
                    | "worth"
                    | "nice"
                    | "helpful"
                    | "useful"
                    | "appropriate"
                    | "best"
                    | "better"
                    | "wise"
                    | "ideal"
                    | "smart"
                    | "important"
                    | "quicker"
                    | "easier"
                    | "faster"
            )
        }
        // "My recommendation is to call Mark first."
        ["my", "recommendation" | "advice", "is", "to" | "that", ..] => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::read;
    use crate::language::reading::Acts;

    #[test]
    fn a_plan_awaiting_objections_is_a_proposal() {
        // Mailing-list posts of data/messages (ml-036, ml-037, mx-064, bb5-013) and the
        // fourth precision audit (data/audits/2026-12-07-4, 21).
        for text in [
            "If there are no objections, I'll merge the patch on Friday.",
            "I will commit it tomorrow if no one objects.",
            "Unless there are any objections, I'm going to tag the release next week.",
            "If we don't hear back by Monday, we'll go ahead with the rename.",
            "This vote follows lazy consensus.",
        ] {
            assert!(read(text).acts.contains(Acts::PROPOSE), "{text}: {:?}", read(text));
        }
        for text in [
            "No objections from me.",
            "If the objections stand, we drop it.",
            "Any objections were withdrawn.",
            "I made changes to the site and had a PR open for feedback for 3+ days, and I merged it based off lazy consensus.",
        ] {
            assert!(!read(text).acts.contains(Acts::PROPOSE), "{text}: {:?}", read(text));
        }
    }

    #[test]
    fn proposals_after_a_fronted_time() {
        // tests/messages 053; the treebank's emails; chat.
        for text in [
            "Not urgent, but at some point we should drop the Python 3.8 job from CI.",
            "In the meantime we should ask Legal for the contract.",
            "At the next meeting we could go over the budget.",
        ] {
            assert!(read(text).acts.contains(Acts::PROPOSE), "{text}: {:?}", read(text));
        }
        assert!(!read("At some point we shipped the fix.").acts.contains(Acts::PROPOSE));
    }
}
