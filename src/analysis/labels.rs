//! Explicit labels: "Blocker:", "## Blockers", "**Ask**", "TL;DR:", "Current blockers:",
//! and a question heading that names one ("Do you have any blockers?", the spec's hard
//! case). Text under a label is not buried, whatever its position, because a skimming
//! reader finds the label.

use super::Context;
use crate::document::BlockKind;
use crate::lexicon::List;
use crate::span::Span;

/// Whether the text at `offset` sits under a label from `list`: in a heading or line that
/// starts with one, after a short label-only block ("Blockers:", "**Ask**"), after a
/// question heading that names one, or below the nearest heading that is one.
pub fn under_label(cx: &Context<'_>, offset: usize, list: List) -> bool {
    let doc = cx.doc;
    let labels = cx.phrases().get(list);
    let Some(block_index) = doc.block_at(offset) else { return false };
    let block = &doc.blocks[block_index];
    let has_label = |span: Span| labels.iter().any(|m| span.contains(m.span.start));

    // The heading itself, or a block whose text starts with a label and a colon.
    if matches!(block.kind, BlockKind::Heading(_)) && has_label(block.span) {
        return true;
    }
    // A label labels what follows it on its line, within LABEL_REACH bytes.
    let line = crate::segment::line_near(&doc.prose, offset, LABEL_REACH);
    let (line_start, line_end) = (line.start.max(block.span.start), line.end);
    let first = labels.partition_point(|m| m.span.start < line_start);
    for m in labels[first..].iter().take_while(|m| m.span.start < line_end) {
        if opens_line(&doc.prose[line_start..m.span.start], &doc.prose[m.span.end..line_end]) {
            return true;
        }
    }
    // A question heading: opening this line ("4. Do you have any blockers? - None."), or
    // the line before it in the same block ("*Do you have any blockers?*" and the answer
    // below it).
    let question = |span: Span| {
        let end = question_end(&doc.prose, span).filter(|_| QUESTION_HEADED.contains(&list))?;
        has_label(Span::new(span.start, end)).then_some(end)
    };
    if question(Span::new(line_start, line_end)).is_some() {
        return true;
    }
    if line_start > block.span.start {
        let previous = crate::segment::line_near(&doc.prose, line_start - 1, LABEL_REACH);
        let previous = Span::new(previous.start.max(block.span.start), previous.end);
        if question(previous).is_some_and(|end| is_only_markup(&doc.prose[end..previous.end])) {
            return true;
        }
    }
    // A short label-only block right before ("Blockers:", "**Ask**"), or a question
    // heading alone in its block.
    if let Some(previous) = block_index.checked_sub(1).map(|i| &doc.blocks[i]) {
        if doc.count_words(previous.words.clone()) <= 4 && has_label(previous.span) {
            return true;
        }
        if question(previous.span).is_some_and(|end| is_only_markup(&doc.prose[end..previous.span.end])) {
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

/// The most words a question heading has ("What tasks are blocked waiting on another team
/// member?" has nine); a longer question is a question, not a heading.
const QUESTION_HEADING_WORDS: usize = 15;

/// The labels a question heading can name. A status update's template asks "Do you have
/// any blockers?" and the answer follows; a question that names an ask ("Do you think
/// this is useful to do?") is the ask itself, not a label over it.
const QUESTION_HEADED: &[List] = &[List::BlockerLabel];

/// Subject pronouns: "I am blocked:" states a blocker, it does not label one.
const SUBJECTS: &[&str] = &["i", "we", "you", "he", "she", "they", "it", "this", "that"];

/// Whether a label, with `before` it on its line and `after` it to the line's end, opens
/// the line: after nothing but list numbers and emphasis ("Blockers:", "**Blockers**",
/// "4. Blockers —"), or after one or two words that are not its subject and before a colon
/// ("Current blockers:", "_4. Open issues:_").
fn opens_line(before: &str, after: &str) -> bool {
    let after = after.trim_start().trim_start_matches(['*', '_']);
    let words: Vec<String> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && !word.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect();
    match words.len() {
        0 => after.starts_with([':', '-', '\u{2014}']) || after.is_empty(),
        1 | 2 => after.starts_with(':') && !words.iter().any(|word| SUBJECTS.contains(&word.as_str())),
        _ => false,
    }
}

/// Where the question that opens `span` ends (just after its `?`), when `span` opens
/// with a short question ("4. Do you have any blockers?"); `None` otherwise.
fn question_end(prose: &str, span: Span) -> Option<usize> {
    let text = &prose[span.start..span.end];
    let at = text.find('?')?;
    let question = &text[..at];
    let words = question.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    // The question must open the line: "Blocked on X. Any idea?" opens with a statement.
    // A list number ("4. Do you…") is no sentence.
    let opens =
        !question.split_inclusive(['.', '!', ':']).rev().skip(1).any(|part| part.chars().any(char::is_alphabetic));
    (words <= QUESTION_HEADING_WORDS && opens).then_some(span.start + at + 1)
}

/// Whether `text` holds only emphasis and spaces: what closes a heading ("**").
fn is_only_markup(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || matches!(c, '*' | '_'))
}
