//! Requests that are neither a question nor an imperative: "please…", "could you…",
//! "I need someone to…", "let me know", "would be great if you…".

use super::{PLEASE, SOMEONE, W, is_separator};
use crate::language::tagger::Upos;
use crate::language::tokens::TokenKind;

/// Nouns for people, who may be asked to do something ("we need someone from the DB team
/// to look at this").
#[rustfmt::skip]
pub(super) const PERSON_NOUNS: &[&str] = &[
    "team", "folks", "person", "people", "volunteer", "volunteers", "reviewer", "reviewers", "expert", "experts",
    "engineer", "engineers", "dev", "devs", "developer", "developers", "owner", "owners", "maintainer", "maintainers",
    "admin", "admins", "eyes", "help", "hand", "someone", "somebody", "anyone", "anybody", "you", "u", "one", "lead",
    "manager", "member", "members",
];

/// What a reader may be asked for ("need your input", "need help").
#[rustfmt::skip]
pub(super) const ASSISTANCE_NOUNS: &[&str] = &[
    "help", "input", "feedback", "review", "reviews", "approval", "sign-off", "signoff", "thoughts", "opinion",
    "opinions", "advice", "eyes", "answer", "answers", "decision", "confirmation", "go-ahead", "ok", "okay", "okay",
    "comments", "guidance", "support", "assistance", "insight", "insights", "vote", "votes", "ack", "lgtm", "reply",
    "response", "suggestions", "ideas", "objections", "concerns", "updates", "update", "news", "questions",
];

/// Request constructions that ask without being a question or an imperative:
/// "please…", "could you…" without `?`, "I need someone to…", "need your input",
/// "let me know", "I'd appreciate it if you…", "you need to…", "looking forward to your reply".
pub(super) fn is_request(core: &[W<'_>]) -> bool {
    let words: Vec<&W<'_>> = core.iter().filter(|w| !w.quote && (!w.is_punct() || is_separator(w))).collect();
    let lower: Vec<&str> = words.iter().map(|w| w.lower).collect();
    for (i, w) in words.iter().enumerate() {
        let next = lower.get(i + 1).copied().unwrap_or("");
        let rest = &lower[i + 1..];
        // "please review", "…, please": unless "please" is a verb ("to please the client")
        // or points at information ("please find attached").
        if w.any(PLEASE) && w.upos() != Upos::Verb {
            // "Please see attached" and "please note…" ask too: the reader is asked to
            // look, and writers and labellers count them as requests.
            return true;
        }
        // "can/could/would/will you (please) VERB", "can someone…"
        if w.any(&["can", "could", "would", "will", "wo"])
            && (words.get(i + 1).is_some_and(|n| n.is_you() || n.any(SOMEONE)))
        {
            let verb = words.get(i + 2).filter(|n| !n.any(PLEASE)).or(words.get(i + 3));
            if verb.is_some_and(|v| v.is_verb() || v.any(&["mind", "be"])) {
                return true;
            }
        }
        // "need/want/would like someone (from the DB team) to look", "need your input", "need help"
        if w.any(&["need", "needs", "want", "wants", "like", "require", "requires", "expect", "needed", "required"])
            && w.upos() != Upos::Noun
        {
            if i > 0 && lower[..i].iter().rev().take(3).any(|p| matches!(*p, "if" | "when" | "whether" | "you")) {
                continue;
            }
            if needs_person(&words[i + 1..]) {
                return true;
            }
        }
        // "let me/us know", "keep me posted", "get back to me"
        match (w.lower, rest) {
            ("let", ["me" | "us", "know", ..]) | ("lmk", _) => return true,
            ("keep", ["me" | "us", "posted" | "updated" | "informed" | "in", ..]) => return true,
            ("get", ["back", "to", "me" | "us", ..]) => return true,
            ("appreciate", _) | ("grateful", _)
                if lower[..i].iter().any(|p| matches!(*p, "would" | "'d" | "i" | "we"))
                    && !lower[..i].contains(&"for") =>
            {
                return true;
            }
            (
                "if",
                [
                    "you" | "u" | "someone" | "somebody" | "anyone" | "anybody",
                    "could" | "can" | "would" | "have" | "get",
                    ..,
                ],
            ) if lower[..i].iter().any(|p| GLAD.contains(p))
                || i == 0 && rest.len() > 3 && !rest.contains(&",")
                || glad_after_condition(rest) =>
            {
                return true;
            }
            ("wondering" | "wonder", ["if" | "whether", ..]) => return true,
            // "I am writing to request a meeting", "I'd like to invite you to…", "I want to
            // ask you…": the writer says they are asking.
            ("to", ["request" | "ask" | "invite" | "remind", ..])
                if lower[..i]
                    .iter()
                    .any(|p| matches!(*p, "writing" | "like" | "love" | "want" | "wanted" | "wanting" | "need")) =>
            {
                return true;
            }
            // "I wanted to see if you…", "Ben wants to know whether…", "I'd love to hear
            // what you think": asking for an answer in the form of a statement, when the
            // one who wants to know is the writer or someone they speak for, not people
            // in general ("whatever others might like to know about").
            (
                "want" | "wants" | "wanted" | "wanting" | "like" | "love",
                ["to", "see" | "check" | "ask" | "know" | "find" | "hear" | "learn" | "confirm", next, ..],
            ) if wanted_by_writer(&words[..i])
                && matches!(
                    *next,
                    "if" | "whether"
                        | "what"
                        | "when"
                        | "how"
                        | "where"
                        | "who"
                        | "why"
                        | "which"
                        | "from"
                        | "your"
                        | "back"
                        | "out"
                        | "about"
                ) =>
            {
                return true;
            }
            ("hope" | "hoping", ["you" | "u" | "someone" | "we", "can" | "could" | "will" | "'ll" | "would", ..]) => {
                return true;
            }
            // "I also want to receive written confirmation from Accounting", "we need to
            // see the numbers": the writer asks to be given something.
            ("want" | "need" | "like", ["to", "receive" | "get" | "see" | "hear" | "have", ..])
                if i > 0 && matches!(lower[i - 1], "i" | "we" | "'d" | "would" | "also" | "really" | "still") =>
            {
                return true;
            }
            ("looking" | "look", ["forward", "to", "your" | "hearing", ..]) => return true,
            _ => {}
        }
        // "If anyone has comments, they need to be in before noon": a condition on the
        // reader, then what must happen.
        if i > 0
            && matches!(
                rest,
                ["need", "to", ..] | ["needs", "to", ..] | ["must", ..] | ["should", ..] | ["have", "to", ..]
            )
            && lower[..i].iter().position(|p| *p == "if").is_some_and(|at| {
                lower
                    .get(at + 1)
                    .is_some_and(|r| matches!(*r, "you" | "u" | "anyone" | "anybody" | "someone" | "somebody"))
                    && lower[at..i].contains(&",")
            })
        {
            return true;
        }
        // "You need to / have to / must / should VERB" as the main clause.
        if w.is_you()
            && i + 1 < words.len()
            && !lower[..i]
                .iter()
                .any(|p| matches!(*p, "if" | "when" | "whether" | "unless" | "as" | "that" | "what" | "how"))
        {
            // Obligations and suggestions put to the reader: "you need to", "you should",
            // "you may want to", "you could", "you'd better".
            let obligation = matches!(
                rest,
                ["need", "to", ..]
                    | ["have", "to", ..]
                    | ["must", ..]
                    | ["should", ..]
                    | ["'ll" | "will" | "'d" | "would" | "may" | "might", "need" | "want", "to", ..]
                    | ["could", _, ..]
                    | ["'d", "better", ..]
                    | ["had", "better", ..]
            );
            if obligation && i <= 2 {
                return true;
            }
        }
        // "Any thoughts", "Thoughts welcome", "Feedback appreciated"
        if i == 0
            && (w.is("action") && matches!(next, "needed" | "required" | "requested")
                || w.is("any") && words.get(1).is_some_and(|n| n.any(ASSISTANCE_NOUNS))
                || w.any(ASSISTANCE_NOUNS)
                    && matches!(
                        next,
                        "welcome" | "appreciated" | "welcomed" | "needed" | "wanted" | "please" | "requested"
                    ))
        {
            return true;
        }
        let _ = next;
    }
    false
}

/// Words that say the writer would be glad of what an if-clause asks for: "it would be
/// great if you could…", "I'd appreciate it if someone…".
const GLAD: &[&str] =
    &["great", "helpful", "nice", "awesome", "appreciate", "grateful", "good", "ideal", "wonderful", "appreciated"];

/// Whether the clause after an "if you could…" condition says the writer would be glad of
/// it, the condition first: "If someone can help, would be great!", "if you could take a
/// look, that'd be much appreciated". `rest` is the sentence after "if".
fn glad_after_condition(rest: &[&str]) -> bool {
    let Some(comma) = rest.iter().position(|w| *w == ",") else { return false };
    let main = &rest[comma + 1..];
    let would = main.iter().position(|w| matches!(*w, "would" | "'d" | "’d"));
    would.is_some_and(|at| main[at + 1..].iter().take(4).any(|w| GLAD.contains(w)))
}

/// Whether the words before a verb of wanting make its subject the writer ("I", "we",
/// "I'd", "I really") or a named person ("Ben wants to know…"), skipping auxiliaries and
/// adverbs.
pub(super) fn wanted_by_writer(before: &[&W<'_>]) -> bool {
    let subject = before.iter().rev().find(|w| !matches!(w.upos(), Upos::Aux | Upos::Adv | Upos::Part));
    subject.is_some_and(|w| w.any(&["i", "we", "me", "us"]) || w.kind == TokenKind::Word && w.tag.xpos == "NNP")
}

/// After a verb of needing: a person (with what qualifies them) and "to" + verb, or "your"
/// + an assistance noun, or an assistance noun itself ("need help with…").
pub(super) fn needs_person(after: &[&W<'_>]) -> bool {
    let Some(first) = after.first() else { return false };
    if first.any(&["your", "ur"]) && after.get(1).is_some_and(|n| n.any(ASSISTANCE_NOUNS) || n.upos() == Upos::Noun) {
        return true;
    }
    if first.any(&[
        "help",
        "input",
        "feedback",
        "assistance",
        "guidance",
        "advice",
        "eyes",
        "reviewers",
        "volunteers",
        "a",
        "an",
        "some",
        "more",
    ]) {
        if first.any(&["a", "an", "some", "more"]) {
            // "need a hand", "need an answer", "need some more feedback"; not "need some time".
            let noun = after[1..]
                .iter()
                .find(|n| !n.any(&["more", "quick", "second", "final", "clear", "pair", "set", "of", "fresh"]));
            return noun.is_some_and(|n| n.any(&["hand", "volunteer", "reviewer"]) || n.any(ASSISTANCE_NOUNS));
        }
        return true;
    }
    // A person, then (within a few words that qualify them) "to" + verb.
    let is_person = first.is_you()
        || first.any(SOMEONE)
        || first.any(&["someone", "somebody", "one", "people", "folks", "more"])
        || first.upos() == Upos::Det && after.get(1).is_some_and(|n| n.any(PERSON_NOUNS));
    if !is_person {
        return false;
    }
    after.iter().take(8).enumerate().any(|(k, w)| w.is("to") && after.get(k + 1).is_some_and(|v| v.is_verb()))
}

#[cfg(test)]
mod tests {
    use super::super::tests::read;

    #[test]
    fn asks() {
        for text in [
            "Can you review the draft by Friday?",
            "Review the draft by Friday.",
            "Sam, please send me the numbers.",
            "We probably need someone from the DB team to look at this.",
            "Let me know if that works.",
            "Thoughts?",
            "I'd appreciate it if you could take a look.",
            "If you have time, send the report today.",
            "Please find attached the report.",
            "If anyone has comments, they need to be in before that.",
            "Keep monitoring the logs until Friday.",
            // Needing what only the reader can give (the treebank's emails, chat).
            "I need an answer ASAP.",
            "Rick, I need your view on which of these deals need to go through the board.",
            "We need some more feedback on the design before we start.",
            // The writer, or someone they speak for, wants to know (ask-intent, the corpus).
            "Ben wants to know if you, Marissa and Carolyn are available for lunch tomorrow at 1130.",
            "If not, I'd love to hear what we are doing wrong.",
            "I'd like to see what everyone thinks of this idea.",
            // The condition first (the eighth audit's a/17, found by it; data/messages ch-025).
            "If someone can help, would be great!",
            "MikeW: if you can hang around after the meeting to debug, that'd be great",
        ] {
            assert!(read(text).asks(), "{text}: {:?}", read(text));
        }
        for text in [
            "I'll send it Friday.",
            "Have a great weekend!",
            "We shipped the fix yesterday.",
            "A customer keeps asking “can you hop on a call?”",
            "How are you?",
            // Encouragement to go on (messages-2 019, the treebank's reviews).
            "Keep on hacking the electromagnetic spectrum, never let your signal processing slow down, and:",
            "KEEP UP THE GOOD WORK.",
            // People in general want to know (messages-2 020, the corpus).
            "We're planning talks on whatever folks may find interesting that they think others might like to know about.",
            "Users want to know how often the reflector performs a `LIST`.",
            "Keep it up.",
            // A condition of the writer's plan, not a wish for the reader's help.
            "If you can't make it, we will record the talk.",
        ] {
            assert!(!read(text).asks(), "{text}: {:?}", read(text));
        }
    }
}
