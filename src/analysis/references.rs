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

/// File paths: directories and a file name with an extension (`/srv/import/loader.py`,
/// `src/lib.rs`, `./deploy/values.yaml`). Dates ("11/24/2026") and "and/or" have no
/// extension; a version ("1.6.x/2.0") has none that starts with a letter.
static FILE_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(\[`'\x22])(?:~|\.{1,2})?/?(?:[\w.-]+/)+[\w-][\w.-]*\.[A-Za-z][A-Za-z0-9]{0,7}\b")
        .expect("static regex")
});

/// Whether the message gives the reader something to follow: a link, a URL, an
/// attachment, a ticket or pull-request reference, or a file path (a pasted log or stack
/// trace names the files it is about).
pub fn has_link(cx: &Context<'_>) -> bool {
    cx.doc.has_reference() || TICKET.is_match(&cx.doc.prose) || FILE_PATH.is_match(cx.doc.source)
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

#[cfg(test)]
mod tests {
    use super::FILE_PATH;

    #[test]
    fn file_paths_are_found_and_dates_and_versions_are_not() {
        fn found(text: &str) -> Option<&str> {
            FILE_PATH.find(text).map(|m| m.as_str().trim())
        }
        assert_eq!(found(r#"  File "/srv/import/loader.py", line 117"#), Some(r#""/srv/import/loader.py"#));
        assert_eq!(found("see src/lib.rs for the list"), Some("src/lib.rs"));
        assert_eq!(found("in `./deploy/values.yaml`"), Some("`./deploy/values.yaml"));
        for text in ["due 11/24/2026", "tests and/or docs", "moving 1.6.x/2.0 users", "50/50 split"] {
            assert_eq!(found(text), None, "{text}");
        }
    }
}
