//! Meetings a message asks for, and whether it says what they are for.
//!
//! A meeting request is read from a sentence's grammar ([`crate::language`]: a meeting
//! noun as what is asked for or proposed, "hop on a call", or a meeting verb with "we" or
//! "you" as its subject) or a team's own `meeting` phrase, in a sentence that asks,
//! proposes, or offers and is then put to the reader. A purpose is an infinitive or a
//! consequence after the meeting words, a `purpose` phrase in the request sentence or the
//! next one, the word "agenda", or a list. These are the hand-written reading of the
//! `meeting` and `purpose` acts ([`super::acts`]).

use super::Context;
use crate::document::BlockKind;
use crate::language::reading::is_phone_number;
use crate::language::{Acts, Mood, Upos};
use crate::lexicon::List;
use crate::span::Span;

/// The meeting words of sentence `index` when it asks for a meeting that is not just a
/// way to reach the writer (a number to call, a call offered on the reader's condition).
pub fn meeting_request(cx: &Context<'_>, index: usize) -> Option<Span> {
    requested_meeting(cx, index).filter(|&meeting| !gives_contact_details(cx, index, meeting))
}

/// Whether the message says what the meeting asked for in sentence `index`, at
/// `meeting`, is for: a `purpose` phrase in that sentence or the next one in its block,
/// or what the sentence says follows from the meeting.
pub fn purpose_stated(cx: &Context<'_>, index: usize, meeting: Span) -> bool {
    let doc = cx.doc;
    let sentence = &doc.sentences[index];
    let next = doc.sentences.get(index + 1).filter(|n| n.block == sentence.block);
    let scope = next.map_or(sentence.span, |n| sentence.span.cover(n.span));
    !cx.phrases().within(List::Purpose, scope).is_empty() || says_what_follows(cx, index, meeting)
}

/// Whether the message gives an agenda anywhere: the word "agenda", or a list.
pub fn has_agenda(cx: &Context<'_>) -> bool {
    let doc = cx.doc;
    doc.blocks.iter().any(|b| b.kind == BlockKind::ListItem)
        || cx.phrases().get(List::Purpose).iter().any(|m| doc.text_of(m.span).to_lowercase().starts_with("agenda"))
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
