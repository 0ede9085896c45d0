//! Flags requests for a call or meeting that state no purpose.

use super::{Context, MESSAGE, Rule, RuleMeta, Scope};
use crate::document::BlockKind;
use crate::finding::{Finding, Severity};
use crate::language::reading::is_phone_number;
use crate::language::{Acts, Mood, Upos};
use crate::lexicon::List;
use crate::span::Span;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "call-without-agenda",
    summary: "A request for a call or meeting that states no purpose",
    severity: Severity::Warning,
    doc_severity: None,
    profiles: MESSAGE,
    optional_profiles: &[],
    weight: 10,
    scope: Scope::Message,
    docs: "\
## What it does
Flags a request or proposal for a synchronous call or meeting (\"hop/jump on a call\",
\"quick call\", \"let's sync\", \"can we meet\", \"set up/schedule a meeting\", \"huddle\",
\"zoom?\") when the message states no purpose for it.

## Why
A call with no stated purpose cannot be prepared for, often needs a second call, and
sometimes was a two-line message all along. Across time zones a call is expensive:
somebody joins early or late. Say what it should decide or cover, and the reader may
answer in writing instead.

## What counts
A meeting request is a construction, read from each sentence's grammar (`plainly
analyze` shows the words): a meeting noun as what is asked for or proposed (\"hop on a
call\", \"set up a meeting\", \"a quick sync\"), or a meeting verb with \"we\" or \"you\" as
its subject (\"can we talk today?\", \"let's sync\", \"want to meet up next week?\"), in a
sentence that asks or proposes, or that the writer offers and the next sentence puts to
the reader (\"I will propose some time slots to meet next week. Does it work for
you?\"). Not meeting requests: a call with the number to call (\"Give me a call. My
number is…\", \"call me at 555-0100\", an extension), a call offered on the reader's
condition (\"If you have any questions, please call me\"), a meeting already set
(\"before the 10am call\", \"on Friday's call\", \"for the next meeting\"), a meeting
verb with a thing as its object (\"meet the deadline\", \"sync the repo\"), \"call for
papers\", the writer meeting someone else (\"I will sync with him\"), a product named
\"Sync\" or \"Meet\", words in quotation marks, sign-offs (\"Talk soon\").

A purpose is an infinitive after the meeting words (\"to decide the launch date\", \"to
find out what we need\"; not one that only names the meeting again: \"to touch base\",
\"to sync\", \"to circle back\"), what follows from it (\"… and we'll get moving on the
options\", \"so we can settle the date\"), a phrase from the `purpose` list (\"about …\",
\"regarding …\") in the request sentence or the sentence after it, the word \"agenda\"
anywhere, or a list anywhere in the message. The finding points at the meeting words.",
    options: &[],
    example_config: None,
    flagged: &[
        "Can we hop on a quick call tomorrow?",
        "Want to meet up next week in Walnut Creek?",
        "Can we talk today?",
        "I will propose some time slots to meet next week. Does it work for you?",
    ],
    fine: &[
        "Can we hop on a call tomorrow to decide the launch date?",
        "Just give me a call and we'll get moving on the options. My number is 713-853-1234.",
        "Need your sign-off on the wording before the 10am call with Brightline on Monday.",
        "Can we meet on Monday? Agenda: pricing, then hiring.",
        "We had a call yesterday and agreed on the plan.",
    ],
};

/// See [`META`].
pub struct CallWithoutAgenda;

impl Rule for CallWithoutAgenda {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let doc = cx.doc;
        let phrases = cx.phrases();
        let has_list = doc.blocks.iter().any(|b| b.kind == BlockKind::ListItem);
        let agenda =
            phrases.get(List::Purpose).iter().any(|m| doc.text_of(m.span).to_lowercase().starts_with("agenda"));
        if has_list || agenda {
            return Vec::new();
        }
        for index in 0..doc.sentences.len() {
            let Some(meeting) = requested_meeting(cx, index) else { continue };
            // The request sentence, and the one after it in the same block.
            let sentence = &doc.sentences[index];
            let next = doc.sentences.get(index + 1).filter(|n| n.block == sentence.block);
            let scope = next.map_or(sentence.span, |n| sentence.span.cover(n.span));
            if !phrases.within(List::Purpose, scope).is_empty() || says_what_follows(cx, index, meeting) {
                continue;
            }
            if gives_contact_details(cx, index, meeting) {
                continue;
            }
            let text = doc.text_of(meeting);
            return vec![Finding::new(
                meeting,
                format!(
                    "“{text}” has no stated purpose: say what it should decide or cover (“a call to decide the launch date”), or share an agenda."
                ),
            )];
        }
        Vec::new()
    }
}

/// The meeting words of sentence `index` when the sentence asks for a meeting: a meeting
/// construction (see [`crate::language`]) or a team's own `meeting` phrase, in a sentence
/// that asks, proposes or checks the reader is free ("Can we talk today?", "Let's get on
/// zoom", "Got a minute for a call?"), or that the writer offers and the next sentence
/// puts to the reader ("I'll propose some slots to meet next week. Does it work for you?").
fn requested_meeting(cx: &Context<'_>, index: usize) -> Option<Span> {
    let doc = cx.doc;
    let reading = cx.language().sentence(index);
    let span = doc.sentences[index].span;
    let own =
        || cx.phrases().within(List::Meeting, span).iter().map(|m| m.span).find(|m| !reading.is_reported(m.start));
    let meeting = reading.meeting.or_else(own)?;
    let put_to_reader = || {
        doc.sentences.get(index + 1).is_some_and(|next| {
            next.block == doc.sentences[index].block && {
                let next = cx.language().sentence(index + 1);
                next.asks() && next.mood == Mood::Question
            }
        })
    };
    let acts = reading.acts;
    let requested = acts.contains(Acts::ASK)
        || acts.contains(Acts::PROPOSE)
        || acts.contains(Acts::PRESENCE)
        || !cx.phrases().within(List::Proposal, span).is_empty();
    (requested || put_to_reader()).then_some(meeting)
}

/// Whether the sentence goes on, after the meeting words, to say what the meeting is for
/// or leads to: an infinitive of purpose ("I'll talk with you to find out what we
/// need"), but not one that only names the meeting again, a meeting idiom ("to touch
/// base", "to sync", "to circle back on this");
/// or a consequence ("give me a call and we'll get moving on the options", "let's talk so
/// we can settle the date").
fn says_what_follows(cx: &Context<'_>, index: usize, meeting: Span) -> bool {
    let reading = cx.language().sentence(index);
    let after: Vec<usize> =
        (0..reading.tokens.len()).filter(|&k| reading.tokens[k].span.start >= meeting.end).collect();
    let words: Vec<String> =
        after.iter().map(|&k| cx.doc.text_of(reading.tokens[k].span).to_lowercase().replace('’', "'")).collect();
    let purpose = after.windows(2).enumerate().any(|(n, pair)| {
        let verb = &words[n + 1];
        // Not a comparison or another verb's complement: "than to keep writing", "if you
        // want to go".
        let governed = n.checked_sub(1).is_some_and(|p| {
            matches!(
                words[p].as_str(),
                "than" | "rather" | "want" | "wants" | "like" | "need" | "have" | "going" | "able"
            )
        });
        words[n] == "to"
            && !governed
            && reading.tags[pair[0]].upos == Upos::Part
            && reading.tags[pair[1]].upos == Upos::Verb
            && !matches!(
                verb.as_str(),
                "touch"
                    | "sync"
                    | "chat"
                    | "connect"
                    | "reconnect"
                    | "catch"
                    | "circle"
                    | "meet"
                    | "talk"
                    | "speak"
                    | "call"
                    | "hang"
                    | "check"
                    | "huddle"
            )
    });
    purpose
        || words.windows(3).any(|w| {
            matches!(
                [w[0].as_str(), w[1].as_str(), w[2].as_str()],
                ["and" | "so", "we" | "i" | "you", "'ll" | "will" | "can" | "could"]
                    | ["so", "that", "we" | "i" | "you"]
            )
        })
}

/// Whether a call the sentence asks for comes with the number to call, in the sentence or
/// the next one ("Give me a call. My number is 555-0100"), or is offered on a condition of
/// the reader's ("If you have any questions, please do not hesitate to give me a call"):
/// contact details, not a meeting to prepare for.
fn gives_contact_details(cx: &Context<'_>, index: usize, meeting: Span) -> bool {
    let doc = cx.doc;
    let text = doc.text_of(meeting).to_lowercase();
    if !["call", "phone", "ring"].iter().any(|w| text.contains(w)) {
        return false;
    }
    let opening = doc.prose[doc.sentences[index].span.start..meeting.start].to_lowercase();
    if opening.starts_with("if you") || opening.starts_with("should you") {
        return true;
    }
    let sentence = &doc.sentences[index];
    let next = doc.sentences.get(index + 1).filter(|n| n.block == sentence.block);
    [Some(index), next.map(|_| index + 1)].into_iter().flatten().any(|i| {
        let reading = cx.language().sentence(i);
        reading.tokens.iter().filter(|t| t.span.start >= meeting.end || i != index).any(|t| {
            let word = doc.text_of(t.span).to_lowercase();
            is_phone_number(&word)
                || matches!(word.as_str(), "number" | "cell" | "mobile" | "phone" | "landline" | "extension")
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn flags_call_request_without_purpose() {
        assert_flags(&CallWithoutAgenda, "Can we [[hop on a call]] tomorrow?");
        assert_flags(&CallWithoutAgenda, "[[Set up a call]] with Santi and Griff? to Touch base");
        assert_flags(&CallWithoutAgenda, "Hey it's Amrish! Want to [[meet up]] next week in Walnut Creek?");
        assert_flags(&CallWithoutAgenda, "Let's [[sync]] tomorrow.");
        assert_flags(
            &CallWithoutAgenda,
            "It'd be quicker to [[jump on a call]] than to keep writing. Would Friday work?",
        );
    }

    #[test]
    fn purpose_in_request_or_next_sentence_clears() {
        assert_clean(&CallWithoutAgenda, "Can we hop on a call tomorrow to go over the migration?");
        assert_clean(&CallWithoutAgenda, "Can we hop on a call about the migration?");
        assert_clean(&CallWithoutAgenda, "Can we hop on a call? I want to walk through the migration plan.");
        assert_clean(
            &CallWithoutAgenda,
            "Please e-mail me, or tell me if you would like me to set up a meeting to discuss this further.",
        );
    }

    #[test]
    fn offered_then_put_to_the_reader() {
        // messages-2 003; the treebank's emails; chat.
        assert_flags(
            &CallWithoutAgenda,
            "I will sync with him and propose some time slots to [[meet]] next week. Does it work for you?",
        );
        assert_flags(&CallWithoutAgenda, "I'll [[set up a call]] for Thursday. Does 3pm suit you?");
        assert_clean(&CallWithoutAgenda, "I'll set up a call for Thursday to go over the budget. Does 3pm suit you?");
    }

    #[test]
    fn a_number_to_call_or_what_follows_clears() {
        // messages-2 046; the treebank's emails ("Call me at…"); chat.
        assert_clean(
            &CallWithoutAgenda,
            "Just give me or Steve Herrup a call and we'll get moving on the options. My number is 713-853-1234.",
        );
        assert_clean(&CallWithoutAgenda, "Please give me a call when you get a chance. My cell is 713 555 0100.");
        assert_clean(&CallWithoutAgenda, "Can we talk tomorrow so we can settle the launch date?");
        assert_flags(&CallWithoutAgenda, "Please give me [[a call]] when you get a chance.");
    }

    #[test]
    fn contact_offers_existing_calls_and_relative_clauses_are_fine() {
        // From the treebank's emails.
        for text in [
            "If you have any questions please call me on x34703.",
            "If you have any questions please do not hesitate to give me a call.",
            "Can you confirm the correct names for those new folks on Friday's call?",
            "Do you know who would handle this at Enron that we can speak to?",
            "Talk to you guys soon, Susan",
        ] {
            assert_clean(&CallWithoutAgenda, text);
        }
    }

    #[test]
    fn agenda_or_list_clears() {
        assert_clean(&CallWithoutAgenda, "Can we meet Monday? Agenda is in the doc.");
        assert_clean(&CallWithoutAgenda, "Can we meet Monday?\n\n- pricing\n- hiring\n");
    }

    #[test]
    fn statements_about_past_calls_are_fine() {
        assert_clean(&CallWithoutAgenda, "We had a quick call yesterday and agreed on the plan.");
        assert_clean(&CallWithoutAgenda, "I can't find the meetings link. Do we have any meetings arranged?");
    }
}
