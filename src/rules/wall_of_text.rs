//! Flags paragraphs over 120 words.

use super::{ALL_PROFILES, Context, Locality, OptionMeta, Rule, RuleMeta, Scope};
use crate::document::BlockKind;
use crate::finding::{Finding, Severity};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "wall-of-text",
    summary: "A paragraph over 120 words",
    severity: Severity::Info,
    doc_severity: None,
    profiles: ALL_PROFILES,
    optional_profiles: &[],
    weight: 3,
    scope: Scope::Text,
    reads_english: false,
    docs: "\
## What it does
Flags a paragraph with more words than `max-words` (120). List items, table cells,
headings and code are not paragraphs.

## Why
A block of text with no break is skimmed, and what is in its middle is missed: the
ask, the blocker, the date. Short paragraphs and lists let the reader find each point.

## What counts
Words of the writer's prose in one paragraph (blank lines separate paragraphs). The
finding points at the paragraph's first sentence.",
    options: &[OptionMeta { name: "max-words", default: 120, min: 1, doc: "The most words a paragraph may have." }],
    example_config: None,
    flagged: &["We met with the vendor on Tuesday. They walked us through the new pricing, which now bills per seat \
rather than per project, and they offered a discount if we sign for two years. Finance thinks the discount is worth \
it, but the platform team worries about lock-in because the export format changed last quarter and our reporting \
jobs still depend on the old one. Legal has not reviewed the new terms yet, and procurement says it needs three \
weeks for any contract over the threshold. We also learned that the support tier we use will be retired next year, \
so we would have to move to the premium tier, which costs more. I think we should ask for a one-year term with an \
option to extend, and get legal to review the terms before the end of the month."],
    fine: &["We met with the vendor on Tuesday.\n\nThey now bill per seat and offer a discount for a two-year term."],
};

/// See [`META`].
pub struct WallOfText;

impl Rule for WallOfText {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let max = cx.option(&META, "max-words") as usize;
        let doc = cx.doc;
        doc.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph && doc.count_words(b.words.clone()) > max)
            .filter_map(|b| {
                let first = doc.sentences.get(b.sentences.start)?;
                let words = doc.count_words(b.words.clone());
                Some(Finding::new(
                    first.span,
                    format!("This paragraph is {words} words with no break (over {max}): split it, or make a list."),
                ))
            })
            .collect()
    }

    fn locality(&self) -> Locality {
        // A paragraph's length is counted from its own words.
        Locality::Section
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn flags_long_paragraph_at_first_sentence() {
        let text = format!("[[Start here.]] {}\n\nNext paragraph.", "Some words here. ".repeat(40));
        assert_flags(&WallOfText, &text);
    }

    #[test]
    fn lists_are_not_walls() {
        let text = format!("- {}\n", "Some words here. ".repeat(50));
        assert_clean(&WallOfText, &text);
    }

    #[test]
    fn short_paragraphs_are_fine() {
        assert_clean(&WallOfText, &"Some words here.\n\n".repeat(50));
    }
}
