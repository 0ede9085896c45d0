//! Building a [`Document`]: the parsers reveal prose into a blank copy of the source
//! and open leaf blocks; `finish` blanks URLs and template directives, then segments
//! the blocks into sentences and words.

use std::sync::LazyLock;

use regex::Regex;

use super::{Block, BlockKind, Document, Sentence};
use crate::input::FileKind;
use crate::segment;
use crate::span::Span;

/// Bare URLs and email addresses inside prose: not words, and a reference the reader can follow.
static BARE_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?-u:\b)(?: (?:https?|ftp|file)://[^\s<>\x22'`]+ | www\.[a-z0-9-]+\.[^\s<>\x22'`]+ )
        | (?-u:\b)[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?-u:\b)
        ",
    )
    .expect("static regex")
});

/// Template directives left in Markdown by site generators: Hugo shortcodes
/// (`{{< … >}}`, `{{% … %}}`), mdBook includes (`{{#include … }}`), Jinja-style `{{ … }}`.
static TEMPLATE_DIRECTIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{[^{}\n]*\}\}|\{%[^{}\n]*%\}").expect("static regex"));

/// `sentence` split where a sentence ends and the next begins with inline code
/// ("… called `RcMut`.  `RcMut` would have …"). The code is blank in the prose, so the
/// segmenter sees a full stop followed by a lowercase word and reads on.
fn split_before_code(source: &str, prose: &str, sentence: Span) -> Vec<Span> {
    let (src, text) = (source.as_bytes(), prose.as_bytes());
    let mut pieces = Vec::new();
    let mut start = sentence.start;
    let mut at = sentence.start;
    while at < sentence.end {
        let next = at + 1;
        let ends = matches!(text[at], b'.' | b'!' | b'?')
            && src.get(next).is_some_and(u8::is_ascii_whitespace)
            && !segment::ends_with_abbreviation(&prose[start..next]);
        if ends {
            let code = (next..sentence.end).find(|&i| !src[i].is_ascii_whitespace());
            let resumes = code
                .filter(|&i| src[i] == b'`' && text[i] == b' ')
                .and_then(|i| (i..sentence.end).find(|&j| text[j].is_ascii_alphanumeric() || text[j] >= 0x80));
            if let Some(resume) = resumes {
                pieces.push(Span::new(start, next));
                start = resume;
                at = resume;
                continue;
            }
        }
        at = next;
    }
    pieces.push(Span::new(start, sentence.end));
    pieces
}

/// Incremental construction of a [`Document`].
pub(crate) struct Builder<'a> {
    source: &'a str,
    prose: Vec<u8>,
    blocks: Vec<(BlockKind, Span)>,
    open: Option<(BlockKind, Span)>,
    links: Vec<Span>,
    comments: Vec<Span>,
    attachments: usize,
    reply: bool,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(source: &'a str) -> Builder<'a> {
        let prose = source.bytes().map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' }).collect();
        Builder {
            source,
            prose,
            blocks: Vec::new(),
            open: None,
            links: Vec::new(),
            comments: Vec::new(),
            attachments: 0,
            reply: false,
        }
    }

    pub(crate) fn source(&self) -> &'a str {
        self.source
    }

    /// Copies `span` of the source into the prose. `span` must lie on character boundaries.
    pub(crate) fn reveal(&mut self, span: Span) {
        debug_assert!(self.source.is_char_boundary(span.start) && self.source.is_char_boundary(span.end));
        self.prose[span.range()].copy_from_slice(&self.source.as_bytes()[span.range()]);
    }

    /// Adds prose text to the open leaf block, opening one of `kind` if none is open.
    pub(crate) fn add_text(&mut self, kind: BlockKind, span: Span) {
        self.reveal(span);
        self.extend_leaf(kind, span);
    }

    /// Makes `span` part of the open leaf block without revealing it (inline code, say).
    pub(crate) fn extend_leaf(&mut self, kind: BlockKind, span: Span) {
        match &mut self.open {
            Some((_, open)) => *open = open.cover(span),
            None => self.open = Some((kind, span)),
        }
    }

    /// Ends the open leaf block, if any.
    pub(crate) fn close_leaf(&mut self) {
        if let Some(block) = self.open.take() {
            self.blocks.push(block);
        }
    }

    pub(crate) fn link(&mut self, span: Span) {
        self.links.push(span);
    }

    pub(crate) fn comment(&mut self, span: Span) {
        self.comments.push(span);
    }

    pub(crate) fn attachments(&mut self, count: usize) {
        self.attachments += count;
    }

    /// Marks the text as a reply to an earlier message.
    pub(crate) fn reply(&mut self) {
        self.reply = true;
    }

    pub(crate) fn finish(mut self, kind: FileKind) -> Document<'a> {
        self.close_leaf();
        let mut prose =
            String::from_utf8(self.prose).expect("prose is source bytes on char boundaries or ASCII spaces");
        blank_matches(&mut prose, &BARE_LINK, Some(&mut self.links));
        blank_matches(&mut prose, &TEMPLATE_DIRECTIVE, None);
        self.links.sort_unstable();

        let mut blocks = Vec::with_capacity(self.blocks.len());
        let mut sentences = Vec::new();
        let mut words = Vec::new();
        for (kind, span) in self.blocks {
            let first_word = words.len();
            segment::words(&prose, span, &mut words);
            if words.len() == first_word {
                // Only code, links or markup: nothing a reader reads as prose.
                continue;
            }
            let first_sentence = sentences.len();
            let found = segment::sentences(&prose, span);
            for sentence in found.into_iter().flat_map(|s| split_before_code(self.source, &prose, s)) {
                let from = first_word + words[first_word..].partition_point(|w| w.start < sentence.start);
                let to = first_word + words[first_word..].partition_point(|w| w.start < sentence.end);
                if from < to {
                    sentences.push(Sentence { span: sentence, block: blocks.len(), words: from..to });
                }
            }
            blocks.push(Block {
                kind,
                span,
                sentences: first_sentence..sentences.len(),
                words: first_word..words.len(),
            });
        }
        let counted = reader_counts(&prose, &words);
        Document {
            source: self.source,
            kind,
            flat: super::FlatProse::new(&prose),
            prose,
            blocks,
            sentences,
            words,
            counted,
            links: self.links,
            comments: self.comments,
            attachments: self.attachments,
            reply: self.reply,
        }
    }
}

/// Words as a reader counts them, as running totals: `counted[i]` of `words` before word
/// `i` count (see [`segment::counts_as_word`]); one longer than `words`.
pub(crate) fn reader_counts(prose: &str, words: &[Span]) -> Vec<u32> {
    let mut counted = Vec::with_capacity(words.len() + 1);
    counted.push(0);
    let mut total = 0u32;
    for (i, &word) in words.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| words[p]);
        total += u32::from(segment::counts_as_word(prose, previous, word));
        counted.push(total);
    }
    counted
}

/// Blanks every match of `pattern` in `prose` (keeping newlines), recording the spans.
fn blank_matches(prose: &mut String, pattern: &Regex, record: Option<&mut Vec<Span>>) {
    let spans: Vec<Span> = pattern.find_iter(prose).map(|m| trim_url_end(prose, m.range().into())).collect();
    if spans.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(prose).into_bytes();
    for span in &spans {
        for b in &mut bytes[span.range()] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Blanking whole matches of patterns that start and end on characters keeps UTF-8 valid;
    // a multi-byte character inside a match is blanked byte by byte, all ASCII spaces.
    *prose = String::from_utf8(bytes).expect("blanked whole characters");
    if let Some(record) = record {
        record.extend(spans);
    }
}

/// A URL at the end of a sentence does not own the full stop or closing bracket after it.
fn trim_url_end(text: &str, span: Span) -> Span {
    let trimmed = span.slice(text).trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '*', '_']);
    Span::new(span.start, span.start + trimmed.len())
}
