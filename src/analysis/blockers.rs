//! Blockers a message states: the hand-written reading of the `blocker` act
//! ([`super::acts`]).
//!
//! A blocker statement uses phrasing from the `blocker` list ("blocked on", "stuck on",
//! "waiting on … before") and is read in its sentence: it says the writer's work is held
//! up now. Not negations ("no blockers", "unblocked"), questions, reported words, or a
//! wait told as past narration that has ended.

use super::Context;
use super::asks::is_question;
use crate::document::Document;
use crate::language::{SentenceReading, Upos};
use crate::lexicon::List;
use crate::span::Span;

/// The first blocker phrase of sentence `index` that states a blocker now, if any.
pub fn blocker_statement(cx: &Context<'_>, index: usize) -> Option<Span> {
    let doc = cx.doc;
    let sentence = &doc.sentences[index];
    let phrases = cx.phrases();
    let negations = phrases.within(List::NotBlocker, sentence.span);
    let reading = cx.language().sentence(index);
    phrases.within(List::Blocker, sentence.span).iter().map(|m| m.span).find(|&span| {
        !negations.iter().any(|n| n.span.overlaps(span))
            && !is_question(doc, sentence)
            && !reading.is_reported(span.start)
            && states_blocker_now(reading, doc, span.start)
    })
}

/// Whether the blocker phrase at `offset` says the writer's work is held up now. Not a
/// wait told as past narration that has ended ("I was waiting on this response from Ms.
/// Korp, so I could…", "we had been blocked by it"): the verb group before the phrase is
/// headed by a past-tense auxiliary. Not "stuck" as a past-tense verb with its own
/// subject ("I already kind of stuck with the GNU Radio project": kept at it), where a
/// blocked writer says "I'm stuck", "got stuck" or just "Stuck on…".
fn states_blocker_now(reading: &SentenceReading, doc: &Document<'_>, offset: usize) -> bool {
    let Some(at) = reading.tokens.iter().position(|t| t.span.end > offset) else { return true };
    let word = |k: usize| doc.text_of(reading.tokens[k].span).to_lowercase();
    // The verb group before the phrase: auxiliaries, skipping adverbs and "kind of".
    let mut k = at;
    let mut auxiliaries = Vec::new();
    let mut before = None;
    while k > 0 {
        k -= 1;
        let tag = reading.tags[k];
        let hedge = matches!(word(k).as_str(), "kind" | "sort") && k + 1 < at && word(k + 1) == "of";
        if tag.upos == Upos::Adv || hedge || word(k) == "of" && k > 0 && matches!(word(k - 1).as_str(), "kind" | "sort")
        {
            continue;
        }
        if tag.upos == Upos::Aux {
            auxiliaries.push(k);
            continue;
        }
        before = Some(k);
        break;
    }
    if let Some(&first) = auxiliaries.last() {
        // The auxiliary furthest back heads the group: "was waiting", "had been blocked".
        return reading.tags[first].xpos != "VBD";
    }
    if word(at) == "stuck" {
        return before.is_none_or(|k| matches!(word(k).as_str(), "got" | "get" | "gets" | "getting" | "still"));
    }
    true
}
