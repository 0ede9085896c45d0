//! Flags blockers stated late in a message and not under a label.

use super::{Context, MESSAGE_STANDUP, OptionMeta, Rule, RuleMeta, Scope};
use crate::analysis::asks::is_question;
use crate::analysis::labels::under_label;
use crate::finding::{Finding, Severity};
use crate::lexicon::List;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "buried-blocker",
    summary: "A blocker first mentioned after the first paragraph and the first 40 words",
    severity: Severity::Warning,
    doc_severity: None,
    profiles: MESSAGE_STANDUP,
    optional_profiles: &[],
    weight: 12,
    scope: Scope::Message,
    docs: "\
## What it does
Flags a message whose first blocker statement starts after the first paragraph **and**
after the first `max-words-before` (40) words, unless it is under an explicit label or
heading (\"Blocker:\", \"Blocked:\", \"**Blockers**\", \"## Blockers\").

## Why
A blocker is the one thing in an update someone else can act on today. Mentioned at the
end, it is read after the reader has moved on, and the writer stays blocked another
day.

## What counts
A blocker statement uses phrasing from the `blocker` list: \"blocked on/by\", \"blocking\",
\"blocker\", \"stuck on\", \"can't/cannot proceed/continue/ship/merge until/without\",
\"waiting on … before\", \"held up by\". Negations (\"no blockers\", \"not blocked\",
\"nothing blocking\", \"unblocked\") and questions (\"is anything blocking the
release?\") are not statements of a blocker. The finding points at the statement.",
    options: &[OptionMeta {
        name: "max-words-before",
        default: 40,
        min: 0,
        doc: "Words allowed before the first blocker.",
    }],
    example_config: None,
    flagged: &["This week I integrated the pages into Django, and entries are now stored in a local database. The \
landing page has a sign-in button that sends people to the provider for authorisation.\n\nNext week I will present \
the prototype to the community.\n\nOne blocker I have is the sign-up flow, which is still undecided."],
    fine: &[
        "Blocker: the sign-up flow is still undecided.\n\nThis week I integrated the pages into Django.",
        "This week I integrated the pages into Django, and entries are now stored in a local database. The landing page \
has a sign-in button.\n\nNo blockers this week.",
    ],
};

/// See [`META`].
pub struct BuriedBlocker;

impl Rule for BuriedBlocker {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let doc = cx.doc;
        let phrases = cx.phrases();
        let negations = phrases.get(List::NotBlocker);
        let first = phrases.get(List::Blocker).iter().find(|m| {
            let negated = negations.iter().any(|n| n.span.overlaps(m.span));
            let asked = doc.sentence_at(m.span.start).is_some_and(|s| is_question(doc, &doc.sentences[s]));
            !negated && !asked
        });
        let Some(first) = first else { return Vec::new() };
        let words_before = doc.words_before(first.span.start);
        let in_first_block = doc.block_at(first.span.start).is_none_or(|b| b == 0);
        if in_first_block || words_before <= cx.option(&META, "max-words-before") as usize {
            return Vec::new();
        }
        if under_label(cx, first.span.start, List::BlockerLabel) {
            return Vec::new();
        }
        let span = doc.sentence_at(first.span.start).map_or(first.span, |s| doc.sentences[s].span);
        let message = format!(
            "The blocker comes after {words_before} words: readers who skim will miss it. Put it first, or under a “Blocker:” label."
        );
        vec![Finding::new(span, message)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn filler(words: usize) -> String {
        "The pages now store entries locally. ".repeat(words / 6)
    }

    #[test]
    fn flags_late_blocker_at_its_sentence() {
        let text = format!("{}\n\n{}\n\n[[I am stuck on the sign-up flow.]]", filler(30), filler(30));
        assert_flags(&BuriedBlocker, &text);
    }

    #[test]
    fn early_blocker_is_fine() {
        assert_clean(&BuriedBlocker, &format!("Blocked by #461.\n\n{}", filler(90)));
        assert_clean(&BuriedBlocker, &format!("{} Blocked on the API keys.\n\n{}", filler(60), filler(30)));
    }

    #[test]
    fn negations_are_not_blockers() {
        let text = format!(
            "{}\n\n{}\n\nNo blockers. Nothing blocking me, and I'm unblocked on the API.",
            filler(30),
            filler(30)
        );
        assert_clean(&BuriedBlocker, &text);
    }

    #[test]
    fn labelled_blocker_is_fine() {
        let text = format!("{}\n\n{}\n\nBlocker: waiting on legal before we can ship.", filler(30), filler(30));
        assert_clean(&BuriedBlocker, &text);
        let text =
            format!("## Done\n\n{}\n\n{}\n\n## Blockers\n\n- Stuck on the flaky deploy job.", filler(30), filler(30));
        assert_clean_in(&BuriedBlocker, crate::Profile::Standup, crate::FileKind::Markdown, &text);
    }

    #[test]
    fn question_about_blockers_is_not_a_blocker() {
        let text = format!("{}\n\n{}\n\nIs anything blocking the release?", filler(30), filler(30));
        assert_clean(&BuriedBlocker, &text);
    }
}
