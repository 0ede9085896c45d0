//! The document model: the writer's prose at original byte offsets.
//!
//! A [`Document`] keeps the source text untouched and builds `prose`, a copy of the
//! same byte length in which every byte that is not the writer's prose (code, URLs,
//! link targets, HTML, front matter, quoted replies, markup such as `**`) is a space.
//! Newlines are kept. An offset into `prose` is therefore an offset into the file:
//! rules search `prose` and report what they find without any offset mapping.

mod builder;
mod commit;
pub(crate) mod email;
mod flat;
mod markdown;
mod text;

use std::ops::Range;

use crate::input::FileKind;
use crate::span::Span;

pub(crate) use builder::{Builder, reader_counts};
pub use flat::FlatProse;
pub(crate) use markdown::{closes_every_block, definitions};

/// How a leaf block of prose was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph of running text.
    Paragraph,
    /// A heading, with its level (1–6).
    Heading(u8),
    /// The text of one list item (without its nested lists).
    ListItem,
    /// One cell of a table.
    TableCell,
}

/// A leaf block: the smallest unit that holds sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// What kind of block it is.
    pub kind: BlockKind,
    /// From the block's first prose byte to its last.
    pub span: Span,
    /// Its sentences, as indices into [`Document::sentences`].
    pub sentences: Range<usize>,
    /// Its words, as indices into [`Document::words`].
    pub words: Range<usize>,
}

/// One sentence of prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the sentence's first non-space byte to its last.
    pub span: Span,
    /// The block it belongs to, as an index into [`Document::blocks`].
    pub block: usize,
    /// Its words, as indices into [`Document::words`].
    pub words: Range<usize>,
}

/// Choices that change which text counts as the writer's own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// Skip block quotes: in messages, quoted text is somebody else's words.
    pub skip_quotes: bool,
}

/// A checked text: the source, its prose view, and its structure.
#[derive(Debug)]
pub struct Document<'a> {
    /// The text exactly as given.
    pub source: &'a str,
    /// What kind of text it is.
    pub kind: FileKind,
    /// `source` with everything but the writer's prose blanked; same length.
    pub prose: String,
    /// The prose single-spaced with straight quotes, for phrase lists.
    pub flat: FlatProse,
    /// Leaf blocks in reading order.
    pub blocks: Vec<Block>,
    /// Sentences in reading order.
    pub sentences: Vec<Sentence>,
    /// Words (tokens starting with a letter or digit) in reading order.
    pub words: Vec<Span>,
    /// How many of `words` before each index count as words to a reader (a mention, an
    /// issue reference or the later parts of a compound, a date or a clock time do not);
    /// one longer than `words`.
    pub(crate) counted: Vec<u32>,
    /// Links, URLs and link definitions: references the reader can follow.
    pub links: Vec<Span>,
    /// HTML comments (`<!-- … -->`), where suppression directives live.
    pub comments: Vec<Span>,
    /// Files attached to an email; they give "see attached" its context.
    pub attachments: usize,
    /// Whether the text answers an earlier message: it quotes one (`> ` lines, an "On …
    /// wrote:" line), or an email's headers say so (`In-Reply-To`, a "Re:" subject).
    pub reply: bool,
}

impl<'a> Document<'a> {
    /// Parses `source` as `kind`.
    pub fn parse(source: &'a str, kind: FileKind, options: ParseOptions) -> Document<'a> {
        let mut builder = Builder::new(source);
        let body = Span::new(bom_len(source), source.len());
        match kind {
            FileKind::Markdown => markdown::parse(&mut builder, body, &[], markdown::Flavor::Document, options),
            FileKind::Text => text::parse(&mut builder, body),
            FileKind::Email => email::parse(&mut builder, body),
            FileKind::Commit => commit::parse(&mut builder, body),
        }
        builder.finish(kind)
    }

    /// The prose of `span` (blanked bytes included).
    pub fn prose_of(&self, span: Span) -> &str {
        span.slice(&self.prose)
    }

    /// The source text of `span`.
    pub fn text_of(&self, span: Span) -> &'a str {
        span.slice(self.source)
    }

    /// Number of words of prose, as a reader counts them.
    pub fn word_count(&self) -> usize {
        self.count_words(0..self.words.len())
    }

    /// Number of words, as a reader counts them, among `words[range]` (a block's or a
    /// sentence's `words`).
    pub fn count_words(&self, range: Range<usize>) -> usize {
        (self.counted[range.end] - self.counted[range.start]) as usize
    }

    /// The index in `words` of the word that makes the reader's count exceed `count`, if
    /// the prose has more words than that.
    pub fn word_after_count(&self, count: usize) -> Option<usize> {
        let at = self.counted.partition_point(|&c| (c as usize) <= count);
        (at < self.counted.len()).then(|| at - 1)
    }

    /// The words of a sentence.
    pub fn sentence_words(&self, sentence: &Sentence) -> &[Span] {
        &self.words[sentence.words.clone()]
    }

    /// The index of the sentence containing `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let index = self.sentences.partition_point(|s| s.span.end <= offset);
        (index < self.sentences.len() && self.sentences[index].span.start <= offset).then_some(index)
    }

    /// The number of words, as a reader counts them, before `offset`.
    pub fn words_before(&self, offset: usize) -> usize {
        self.counted[self.words.partition_point(|w| w.start < offset)] as usize
    }

    /// The index of the block containing `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let index = self.blocks.partition_point(|b| b.span.end <= offset);
        (index < self.blocks.len() && self.blocks[index].span.start <= offset).then_some(index)
    }

    /// Whether the message has something the reader can follow: a link, a URL, or an attachment.
    pub fn has_reference(&self) -> bool {
        !self.links.is_empty() || self.attachments > 0
    }

    /// A sentence as a reader sees it, each part with its words as an index range: in
    /// plain text, the parts of it on lines the writer ended on purpose are read apart, as
    /// the lines of a chat are ([`crate::segment::written_lines`]); a hard-wrapped sentence
    /// and any sentence of Markdown stay whole. `lines` keeps the last block's lines
    /// between calls, so a block of many sentences is split once.
    pub fn seen_parts(&self, sentence: &Sentence, lines: &mut WrittenLines) -> Vec<(Span, Range<usize>)> {
        let prose = self.prose.as_str();
        let whole = vec![(sentence.span, sentence.words.clone())];
        if self.kind == FileKind::Markdown || !sentence.span.slice(prose).contains('\n') {
            return whole;
        }
        let Some(block) = self.blocks.get(sentence.block) else { return whole };
        if lines.0.as_ref().is_none_or(|(index, _)| *index != sentence.block) {
            lines.0 = Some((sentence.block, crate::segment::written_lines(prose, block.span)));
        }
        let Some((_, lines)) = lines.0.as_ref() else { return whole };
        let words = &self.words[sentence.words.clone()];
        let first = lines.partition_point(|line| line.end <= sentence.span.start);
        lines[first..]
            .iter()
            .take_while(|line| line.start < sentence.span.end)
            .filter_map(|line| {
                let span = Span::new(line.start.max(sentence.span.start), line.end.min(sentence.span.end));
                let from = sentence.words.start + words.partition_point(|w| w.start < span.start);
                let to = sentence.words.start + words.partition_point(|w| w.start < span.end);
                let text = span.slice(prose);
                let lead = text.len() - text.trim_start().len();
                (from < to).then(|| (Span::new(span.start + lead, span.start + lead + text.trim().len()), from..to))
            })
            .collect()
    }
}

/// The lines of the block [`Document::seen_parts`] last split, kept between its calls.
#[derive(Default)]
pub struct WrittenLines(Option<(usize, Vec<Span>)>);

/// Length of a leading UTF-8 byte-order mark (0 or 3).
fn bom_len(source: &str) -> usize {
    if source.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 }
}

#[cfg(test)]
mod tests;
