//! Flags references to an artifact or earlier conversation in a message with no link.

use super::{Context, MESSAGE_STANDUP, Rule, RuleMeta, Scope};
use crate::finding::{Finding, Severity};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "missing-context",
    summary: "Refers to a doc, ticket or earlier conversation, but the message has no link",
    severity: Severity::Info,
    doc_severity: None,
    profiles: MESSAGE_STANDUP,
    optional_profiles: &[],
    weight: 5,
    scope: Scope::Message,
    reads_english: true,
    docs: r#"
## What it does
Flags a message that refers to an artifact or an earlier conversation the reader may
not have ("the doc", "this spec", "the PR", "the ticket", "the deck", "the
dashboard", "see attached", "the link below", "as discussed", "per our call") while
it contains no link, URL or ticket reference.

## Why
The reader may not have been on the call, may have a hundred docs, and cannot ask
which one until you are back online. A link costs you a paste; its absence costs them a
round trip.

## What counts
A reference is found by its noun phrase, modifiers included: a definite or
demonstrative determiner (or "my", "our", "your") and a document noun as its head:
"the Q4 roadmap doc", "this PR", "the attached draft", "the deck", "the spreadsheet"
(but "the docs team" is about a team). An attachment counts too ("Proposed patch
attached", "Attached is…", "see attached"). Nouns a reader usually has in front of
them ("this thread", "the diff" in a review) are not references. The `reference` list
adds conversations the reader may have missed ("as discussed", "per our call"). A
Markdown link, a bare URL, an email attachment, a ticket or pull-request reference
(`ABC-123`, `#123`, `PR 42`), or a file path (`src/import/loader.py`, as a pasted stack
trace shows) anywhere in the message gives the context; so does a reference in quotation
marks, which is someone else's. The finding points at the first
reference. Where the act model reads a sentence as referring to something but no
referring words are found in it ("I am in the Figma file"), the finding points at the
sentence and says so."#,
    options: &[],
    example_config: None,
    flagged: &[
        "As discussed, I will check which products we trade.",
        "Can you review the doc before Friday?",
        "Could you review the Q4 roadmap doc by Friday?",
    ],
    fine: &[
        "As discussed (notes: https://example.com/notes), I will check which products we trade.",
        "Can you review the doc in PLAT-231 before Friday?",
        "Can you ask the docs team to check the wording by Friday?",
        "Could you look at the loader in src/import/loader.py before Friday's run?",
    ],
};

/// See [`META`].
pub struct MissingContext;

impl Rule for MissingContext {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let Some(first) = cx.acts().unlinked_reference() else { return Vec::new() };
        let message = if first.words {
            let text = cx.doc.text_of(first.span);
            format!("“{text}” points to something the reader may not have: add a link, or the ticket number.")
        } else {
            "This sentence refers to something the reader may not have: add a link, or the ticket number.".to_string()
        };
        vec![Finding::new(first.span, message)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn flags_first_reference_without_link() {
        assert_flags(&MissingContext, "[[As discussed]], I will check the products. Per our call, the doc is done.");
        assert_flags(&MissingContext, "Hi Vince, please [[see attached]] the updated deals.");
    }

    #[test]
    fn a_reference_only_the_model_reads_points_at_its_sentence() {
        // A GitHub comment (openkfw/TruBudget, 2024): "the Figma file" is no noun phrase
        // the hand reading knows, but the act model reads the sentence as a reference.
        let found = run(
            &MissingContext,
            crate::Profile::Message,
            crate::FileKind::Text,
            "Hi @mushtaq96 I am in the Figma file, waiting for you. We can make a call directly from there. 📞",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, crate::span::Span::new(0, 54));
        assert!(found[0].message.starts_with("This sentence refers to something"), "{}", found[0].message);
    }

    #[test]
    fn link_url_or_ticket_gives_context() {
        assert_clean(&MissingContext, "As discussed, notes are at https://example.com/notes.");
        assert_clean(&MissingContext, "Can you review the PR? It's #4821.");
        assert_clean(&MissingContext, "The doc for SOLR-7198 is ready.");
        assert_clean_in(
            &MissingContext,
            crate::Profile::Message,
            crate::FileKind::Markdown,
            "Review [the doc](https://example.com/doc), please.",
        );
    }

    #[test]
    fn references_within_the_message_are_fine() {
        assert_clean(&MissingContext, "As discussed below, the numbers moved.");
    }
}
