//! Flags paragraphs over 120 words.

use super::{ALL_PROFILES, Context, Locality, OptionMeta, Rule, RuleMeta, Scope};
use std::ops::Range;

use crate::document::{Block, BlockKind, Document};
use crate::finding::{Finding, Severity};
use crate::input::FileKind;
use crate::segment;

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
    docs: r#"
## What it does
Flags a paragraph with more words than `max-words` (120). List items, table cells,
headings and code are not paragraphs.

## Why
A block of text with no break is skimmed, and what is in its middle is missed: the
ask, the blocker, the date. Short paragraphs and lists let the reader find each point.

## What counts
Words of the writer's prose in one paragraph, as a reader sees it. Blank lines separate
paragraphs. In plain text (a chat post, a mail, a commit message) a line that ends a
sentence also ends a paragraph when the writer broke the line there: the text is not
hard-wrapped (it has a line over 100 characters), or the next line's first word would
have fitted on that line with 3 characters to spare (wrap widths are not exact).
Hard-wrapped lines of one paragraph stay one paragraph, and in
Markdown, where a single line break renders as a space, only blank lines count. The
finding points at the paragraph's first sentence."#,
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
        let plain = doc.kind != FileKind::Markdown;
        let mut findings = Vec::new();
        for block in
            doc.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph && doc.count_words(b.words.clone()) > max)
        {
            let parts =
                if plain { seen_paragraphs(doc, block) } else { vec![(block.sentences.clone(), block.words.clone())] };
            for (sentences, words) in parts {
                let words = doc.count_words(words);
                let Some(first) = doc.sentences.get(sentences.start) else { continue };
                if words > max {
                    findings.push(Finding::new(
                        first.span,
                        format!(
                            "This paragraph is {words} words with no break (over {max}): split it, or make a list."
                        ),
                    ));
                }
            }
        }
        findings
    }

    fn locality(&self) -> Locality {
        // A paragraph's length is counted from its own words.
        Locality::Section
    }
}

/// The paragraphs a reader sees in a plain-text block (the spec's hard case): a line that
/// ends a sentence ends a paragraph when the writer broke it there, that is when the text
/// is not hard-wrapped or the next line's first word would have fitted on it
/// ([`segment::broken_on_purpose`]). Each is its sentences and its words, as index ranges.
fn seen_paragraphs(doc: &Document, block: &Block) -> Vec<(Range<usize>, Range<usize>)> {
    let prose = doc.prose.as_str();
    let text = block.span.slice(prose);
    let width = segment::widest_line(text);
    let mut parts = Vec::new();
    let (mut sentences_from, mut words_from) = (block.sentences.start, block.words.start);
    for index in block.sentences.clone() {
        let end = doc.sentences[index].span.end;
        let Some(next) = doc.sentences.get(index + 1).filter(|_| index + 1 < block.sentences.end) else { break };
        let rest = &prose[end..next.span.start];
        if !rest.contains('\n') || !rest.trim().is_empty() {
            continue;
        }
        let line_start = prose[..end].rfind('\n').map_or(0, |at| at + 1).max(block.span.start);
        let line = prose[line_start..end].chars().count();
        let next_word = next.span.slice(prose).split_whitespace().next().map_or(0, |w| w.chars().count());
        if segment::broken_on_purpose(line, next_word, width) {
            let words_to = doc.sentences[index].words.end;
            parts.push((sentences_from..index + 1, words_from..words_to));
            (sentences_from, words_from) = (index + 1, words_to);
        }
    }
    parts.push((sentences_from..block.sentences.end, words_from..block.words.end));
    parts
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

    /// A sentence of 20 words.
    const TWENTY: &str =
        "We moved the billing export to the new queue and the nightly job now finishes well before the reports start.";

    #[test]
    fn unwrapped_lines_that_end_sentences_are_paragraphs_in_plain_text() {
        // A mail of one-line paragraphs: 7 lines of 40 words, each its own paragraph.
        let mail = format!("{TWENTY} {TWENTY}\n").repeat(7);
        assert_clean(&WallOfText, &mail);
        // In Markdown the same lines render as one paragraph.
        let first = mail.find(" We moved").unwrap();
        let marked = format!("[[{}]]{}", &mail[..first], &mail[first..]);
        assert_flags_in(&WallOfText, crate::Profile::Message, FileKind::Markdown, &marked);
    }

    #[test]
    fn hard_wrapped_lines_are_one_paragraph_unless_the_writer_broke_the_line() {
        // Wrapped at 72: a sentence that happens to end a full line goes on.
        let wrapped = textwrap(&format!("{TWENTY} ").repeat(8), 72);
        let first = wrapped.find(" We moved").unwrap();
        assert_flags(&WallOfText, &format!("[[{}]]{}", &wrapped[..first], &wrapped[first..]));
        // A short line that ends a sentence, where the next word would have fitted: a break.
        let broken = format!(
            "{}\n{}",
            textwrap(&format!("{TWENTY} ").repeat(4), 72),
            textwrap(&format!("{TWENTY} ").repeat(4), 72)
        );
        assert_clean(&WallOfText, &broken);
    }

    /// Wraps `text` greedily at `width` characters, as a mail client does.
    fn textwrap(text: &str, width: usize) -> String {
        let mut lines: Vec<String> = vec![String::new()];
        for word in text.split_whitespace() {
            let line = lines.last_mut().unwrap();
            if !line.is_empty() && line.len() + 1 + word.len() > width {
                lines.push(word.to_string());
            } else {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
        }
        lines.join("\n")
    }

    #[test]
    fn short_paragraphs_are_fine() {
        assert_clean(&WallOfText, &"Some words here.\n\n".repeat(50));
    }
}
