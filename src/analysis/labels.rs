//! Explicit labels: "Blocker:", "## Blockers", "**Ask**", "TL;DR:". Text under a label
//! is not buried, whatever its position, because a skimming reader finds the label.

use super::Context;
use crate::document::BlockKind;
use crate::lexicon::List;

/// Whether the text at `offset` sits under a label from `list`: in a heading or line that
/// starts with one, after a short label-only block ("Blockers:", "**Ask**"), or below
/// the nearest heading that is one.
pub fn under_label(cx: &Context<'_>, offset: usize, list: List) -> bool {
    let doc = cx.doc;
    let labels = cx.phrases().get(list);
    let Some(block_index) = doc.block_at(offset) else { return false };
    let block = &doc.blocks[block_index];
    let has_label = |span: crate::span::Span| labels.iter().any(|m| span.contains(m.span.start));

    // The heading itself, or a block whose text starts with a label and a colon.
    if matches!(block.kind, BlockKind::Heading(_)) && has_label(block.span) {
        return true;
    }
    // A label labels what follows it on its line, within LABEL_REACH bytes.
    let line = crate::segment::line_near(&doc.prose, offset, LABEL_REACH);
    let (line_start, line_end) = (line.start.max(block.span.start), line.end);
    let first = labels.partition_point(|m| m.span.start < line_start);
    for m in labels[first..].iter().take_while(|m| m.span.start < line_end) {
        let before = &doc.prose[line_start..m.span.start];
        let after = doc.prose[m.span.end..line_end].trim_start();
        if !before.chars().any(char::is_alphanumeric) && (after.starts_with([':', '-', '\u{2014}']) || after.is_empty())
        {
            return true;
        }
    }
    // A short label-only block right before ("Blockers:", "**Ask**").
    if let Some(previous) = block_index.checked_sub(1).map(|i| &doc.blocks[i]) {
        if doc.count_words(previous.words.clone()) <= 4 && has_label(previous.span) {
            return true;
        }
    }
    // The nearest heading above.
    doc.blocks[..block_index]
        .iter()
        .rev()
        .find(|b| matches!(b.kind, BlockKind::Heading(_)))
        .is_some_and(|heading| has_label(heading.span))
}

/// How far back on its line a label ("Blockers:") is looked for: a paragraph's worth.
const LABEL_REACH: usize = 1000;
