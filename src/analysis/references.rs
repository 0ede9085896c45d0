//! References to an artifact or an earlier conversation the reader may not have, and
//! whether the message gives something to follow: the hand-written reading of the
//! `reference` act ([`super::acts`]).
//!
//! Earlier conversations come from the `reference` list ("as discussed", "per our call");
//! artifacts from each sentence's noun phrases, as the language layer reads them ("the
//! doc", "my draft", "see attached"; not "this PR" in a comment on it).

use std::sync::LazyLock;

use regex_lite::Regex;

use super::Context;
use crate::lexicon::List;
use crate::span::Span;

/// Ticket and pull-request references: `ABC-123`, `#123`, `PR 42`, `issue #7`.
static TICKET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b[A-Z][A-Z0-9]{1,9}-\d+\b|(?:^|[\s(\[])#\d+\b|(?i:\b(?:PR|MR|issue|ticket|bug|pull request)\s*#?\d+\b)",
    )
    .expect("static regex")
});

/// Whether the message gives the reader something to follow: a link, a URL, an
/// attachment, or a ticket or pull-request reference.
pub fn has_link(cx: &Context<'_>) -> bool {
    cx.doc.has_reference() || TICKET.is_match(&cx.doc.prose)
}

/// The first reference in sentence `index`, if any: a `reference` phrase that is not in
/// reported words, or an artifact noun phrase.
pub fn reference_in(cx: &Context<'_>, index: usize) -> Option<Span> {
    let span = cx.doc.sentences[index].span;
    let reading = cx.language().sentence(index);
    let listed =
        cx.phrases().within(List::Reference, span).iter().map(|m| m.span).find(|s| !reading.is_reported(s.start));
    [listed, reading.references.first().copied()].into_iter().flatten().min_by_key(|s| s.start)
}

/// Whether sentence `index` points inside the message or its thread rather than at
/// something the reader may not have ("as discussed below", "see the above", "the
/// following", "in this thread", "this PR"): the spec's hard case "the thread itself is
/// not missing context".
pub fn points_inside(cx: &Context<'_>, index: usize) -> bool {
    let reading = cx.language().sentence(index);
    let words: Vec<String> =
        reading.tokens.iter().map(|t| cx.doc.text_of(t.span).to_lowercase().replace('\u{2019}', "'")).collect();
    words.iter().enumerate().any(|(k, word)| {
        let next = words.get(k + 1).map_or("", String::as_str);
        matches!(word.as_str(), "below" | "above")
            || word == "following" && k > 0 && words[k - 1] == "the"
            || word == "this"
                && matches!(next, "thread" | "issue" | "pr" | "ticket" | "comment" | "message" | "email" | "mail")
    })
}
