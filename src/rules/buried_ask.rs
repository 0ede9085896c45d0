//! Flags long messages whose first ask comes late and is not under a label.

use super::{Context, MESSAGE, OptionMeta, Rule, RuleMeta, Scope};
use crate::analysis::labels::under_label;
use crate::finding::{Finding, Severity};
use crate::language::acts::Act;
use crate::lexicon::List;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "buried-ask",
    summary: "In a long message, the first ask comes after the first paragraph and the first 60 words",
    severity: Severity::Warning,
    doc_severity: None,
    profiles: MESSAGE,
    optional_profiles: &[],
    weight: 10,
    scope: Scope::Message,
    reads_english: true,
    docs: r#"
## What it does
Flags a message of more than `min-message-words` (100) words whose first ask starts
after the first paragraph **and** after the first `max-words-before` (60) words, unless
it is under an explicit label ("Ask:", "Action needed:", "Request:", "TL;DR:",
"Decision needed:", or a heading with one of these).

## Why
Readers decide from the first lines whether a message needs them. An ask at the end of
the fourth paragraph is read last, if at all. Put it first, or label it.

## What counts
An ask is what `missing-ask` counts, read from each sentence's grammar; a rhetorical
question in the form of a statement ("'p' seems to just be for 'pointer'?") still reads
as one. The ask is buried when at least `max-words-before` words come before it and
it is not in the first paragraph. Words are counted as a reader counts them: an
@mention, a URL, an emoji or #123 is no word, a date, a clock time or a hyphenated
compound ("chicken-and-egg") is one. Paragraphs are separated by blank lines; a
salutation on its own line ("Hi,") is a paragraph. The finding points at the ask."#,
    options: &[
        OptionMeta { name: "min-message-words", default: 100, min: 1, doc: "Shorter messages are never flagged." },
        OptionMeta {
            name: "max-words-before",
            default: 60,
            min: 0,
            doc: "The first ask is buried once this many words come before it (it starts after them).",
        },
    ],
    example_config: None,
    flagged: &["We migrated the reporting jobs to the new cluster last week. The move went well overall, but the \
nightly export now takes twice as long, because the new storage class throttles large sequential reads.\n\n\
I looked at three options: raising the throughput limit, splitting the export into smaller files, or moving \
the job to the early morning when the cluster is quiet. Raising the limit costs more each month, splitting needs \
changes in the downstream loaders, and the early slot collides with the backup window, which we cannot move \
without asking the storage team to change their own schedule.\n\nCan you decide which \
option we take by Friday?"],
    fine: &["Can you decide which export option we take by Friday?\n\nWe migrated the reporting jobs to the new \
cluster last week, and the nightly export now takes twice as long."],
};

/// See [`META`].
pub struct BuriedAsk;

impl Rule for BuriedAsk {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let doc = cx.doc;
        let acts = cx.acts();
        let Some(first) = acts.asks.first() else { return Vec::new() };
        if doc.word_count() <= cx.option(&META, "min-message-words") as usize {
            return Vec::new();
        }
        // The hand reading's first ask, where it comes before, is where a reader could
        // find the ask; it must be late too.
        let hand = acts.hand.iter().position(|set| set.contains(Act::Ask));
        let earliest = hand.map_or(first.sentence, |at| at.min(first.sentence));
        let start = doc.sentences[earliest].span.start;
        let words_before = doc.words_before(start);
        if doc.sentences[earliest].block == 0 || words_before < cx.option(&META, "max-words-before") as usize {
            return Vec::new();
        }
        if under_label(cx, first.span.start, List::AskLabel) || under_label(cx, start, List::AskLabel) {
            return Vec::new();
        }
        let words_before = doc.words_before(first.span.start);
        let message = format!(
            "The first ask comes after {words_before} words: readers who skim will miss it. Put it first, or under an “Ask:” label."
        );
        vec![Finding::new(first.span, message)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn filler(words: usize) -> String {
        "The nightly export is slower now. ".repeat(words / 6)
    }

    #[test]
    fn flags_late_ask() {
        let text = format!("Hi,\n\n{}\n\n{}\n\n[[Can you pick an option by Friday?]]", filler(60), filler(48));
        assert_flags(&BuriedAsk, &text);
    }

    #[test]
    fn ask_in_first_paragraph_is_not_buried() {
        let text = format!("{} Can you pick an option by Friday?\n\n{}", filler(90), filler(60));
        assert_clean(&BuriedAsk, &text);
    }

    #[test]
    fn ask_within_first_60_words_is_not_buried() {
        let text = format!("Hi,\n\n{}\n\nCan you pick an option by Friday?\n\n{}", filler(30), filler(90));
        assert_clean(&BuriedAsk, &text);
    }

    #[test]
    fn labelled_ask_is_not_buried() {
        let text = format!("{}\n\n{}\n\nAsk: can you pick an option by Friday?", filler(60), filler(60));
        assert_clean(&BuriedAsk, &text);
        let text =
            format!("# Update\n\n{}\n\n{}\n\n## Action needed\n\nPick an option by Friday.", filler(60), filler(60));
        assert_clean_in(&BuriedAsk, crate::Profile::Message, crate::FileKind::Markdown, &text);
    }

    #[test]
    fn short_message_is_never_buried() {
        let text = format!("Hi,\n\n{}\n\nCan you pick one?", filler(66));
        assert_clean(&BuriedAsk, &text);
    }
}
