//! Flags sentences over 30 words.

use super::{ALL_PROFILES, Context, OptionMeta, Rule, RuleMeta, Scope};
use crate::finding::{Finding, Severity};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "long-sentence",
    summary: "A sentence over 30 words",
    severity: Severity::Info,
    profiles: ALL_PROFILES,
    optional_profiles: &[],
    weight: 2,
    scope: Scope::Text,
    docs: "\
## What it does
Flags a sentence with more words than `max-words` (30).

## Why
Long sentences make the reader hold several ideas at once before the verb arrives, and
readers working in a second language lose the thread first. Two sentences are cheaper
than one rereading.

## What counts
Words are Unicode words of the writer's prose: code, URLs and markup are not counted.
Sentences end at `.`, `!` and `?` (not after abbreviations such as \"e.g.\" or initials),
and never run past the end of a paragraph, heading, list item or table cell. Line
breaks inside a paragraph do not end a sentence.",
    options: &[OptionMeta { name: "max-words", default: 30, min: 1, doc: "The most words a sentence may have." }],
    example_config: None,
    flagged: &["We should review the migration plan together with the platform team before the freeze because \
otherwise we risk shipping a schema change that the reporting jobs, which run every night at two, cannot read."],
    fine: &["We should review the migration plan with the platform team before the freeze. Otherwise the nightly \
reporting jobs may not read the new schema."],
};

/// See [`META`].
pub struct LongSentence;

impl Rule for LongSentence {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let max = cx.option(&META, "max-words") as usize;
        cx.doc
            .sentences
            .iter()
            .filter(|s| s.words.len() > max)
            .map(|s| {
                let words = s.words.len();
                Finding::new(
                    s.span,
                    format!("This sentence is {words} words long (over {max}): split it so readers keep the thread."),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn flags_sentence_over_limit() {
        let long = format!("[[{}end.]] Short one.", "word ".repeat(30));
        assert_flags(&LongSentence, &long);
    }

    #[test]
    fn thirty_words_is_fine() {
        assert_clean(&LongSentence, &format!("{}.", ["word"; 30].join(" ")));
    }

    #[test]
    fn code_and_urls_do_not_count() {
        let text = format!("Run `{}` and see https://example.com/{} now.", "x y ".repeat(20), "a/".repeat(30));
        assert_clean_in(&LongSentence, crate::Profile::Doc, crate::FileKind::Markdown, &text);
    }

    #[test]
    fn list_items_are_separate_sentences() {
        let item = format!("- {}\n", ["word"; 20].join(" "));
        assert_clean_in(&LongSentence, crate::Profile::Doc, crate::FileKind::Markdown, &item.repeat(3));
    }
}
