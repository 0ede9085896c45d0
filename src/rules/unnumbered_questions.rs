//! Flags paragraphs that ask three or more questions without numbering them.

use super::{Context, MESSAGE_STANDUP, OptionMeta, Rule, RuleMeta, Scope};
use std::sync::LazyLock;

use regex_lite::Regex;

use crate::analysis::asks::is_question;
use crate::document::{BlockKind, Document, Sentence};
use crate::finding::{Finding, Severity};

/// An inline number before a question: "1)", "(2)", "3." at the sentence's start or after a
/// space, colon or bracket, followed by a space ("1.6" and "v2.0" are versions).
static INLINE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s:(\[])\(?\d{1,2}[.)](?:\s|$)").expect("static regex"));

/// Whether a question is numbered inline ("…these FAQs: 1) How should I report outages?").
fn is_numbered(doc: &Document<'_>, sentence: &Sentence) -> bool {
    INLINE_NUMBER.is_match(doc.prose_of(sentence.span))
}

pub(crate) static META: RuleMeta = RuleMeta {
    id: "unnumbered-questions",
    summary: "Three or more questions in one paragraph that is not a list",
    severity: Severity::Info,
    doc_severity: None,
    profiles: MESSAGE_STANDUP,
    optional_profiles: &[],
    weight: 4,
    scope: Scope::Text,
    reads_english: true,
    docs: r#"
## What it does
Flags a paragraph (not a list) with `min-questions` (3) or more questions.

## Why
When questions run together, the reply answers the first and the last, and the middle
one comes back a day later. Numbered questions get numbered answers.

## What counts
Sentences ending in `?` in one paragraph; list items, headings and quoted text are not
counted, and neither is a question numbered inline, as a paragraph of an email often
numbers them ("…these FAQs: 1) How should I report outages? 2) What is the plan?"). The
finding covers the paragraph."#,
    options: &[OptionMeta {
        name: "min-questions",
        default: 3,
        min: 2,
        doc: "Questions in one paragraph that trigger the rule.",
    }],
    example_config: None,
    flagged: &["Is the export fixed? Did the numbers change? Should we tell finance?"],
    fine: &[
        "1. Is the export fixed?\n2. Did the numbers change?\n3. Should we tell finance?",
        "Three things: 1) Is the export fixed? 2) Did the numbers change? 3) Should we tell finance?",
    ],
};

/// See [`META`].
pub struct UnnumberedQuestions;

impl Rule for UnnumberedQuestions {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let doc = cx.doc;
        let min = cx.option(&META, "min-questions") as usize;
        doc.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .filter_map(|b| {
                let questions = doc.sentences[b.sentences.clone()]
                    .iter()
                    .filter(|s| is_question(doc, s) && !is_numbered(doc, s))
                    .count();
                (questions >= min).then(|| {
                    Finding::new(
                        b.span,
                        format!(
                            "This paragraph asks {questions} questions in a row: number them, so each gets an answer."
                        ),
                    )
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn flags_paragraph_with_three_questions() {
        assert_flags(&UnnumberedQuestions, "Hi,\n\n[[Is it fixed? Did it change?\nShould we tell them?]]\n\nThanks");
    }

    #[test]
    fn two_questions_are_fine() {
        assert_clean(&UnnumberedQuestions, "Is it fixed? Did it change?");
    }

    #[test]
    fn numbered_questions_are_fine() {
        assert_clean(&UnnumberedQuestions, "1. Is it fixed?\n2. Did it change?\n3. Should we tell them?");
    }

    #[test]
    fn questions_numbered_inline_are_fine() {
        // An email to a project list (ooo-dev, 2011), trimmed to the paragraph that matters.
        assert_clean(
            &UnnumberedQuestions,
            "I wonder if this would merit one or more FAQ's: 1) How should I report outages of OpenOffice.org \
             services? 2) What is the migration plan for moving OpenOffice.org on to Apache infrastructure? 3) What \
             is Oracle contributing to Apache? 4) How much longer will Oracle keep their OpenOffice servers up? Will \
             they shut them down without notice?",
        );
        // Versions and prices are not numbers of questions.
        assert_flags(&UnnumberedQuestions, "[[Does 1.6 still build? Is v2.0 out? Did the 3.50 plan change?]]");
    }
}
