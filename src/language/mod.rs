//! The language layer: words with their parts of speech, and a reading of every sentence
//! (its mood, whom it addresses, what it does). It sits between the document model and
//! the rules: it reads a [`Document`] and knows nothing of rules, findings or
//! configuration. Sentences are read on first use, so a profile whose rules never ask
//! about grammar never pays for the tagger.

pub mod acts;
pub mod conllu;
pub mod detect;
pub mod quotations;
pub mod reading;
pub mod tagger;
pub mod tokens;

use std::cell::OnceCell;

use crate::document::Document;
use crate::span::Span;
use acts::{MessageSetting, SentenceSetting};
pub use reading::{Acts, Addressee, Mood, Role, SentenceReading};
pub use tagger::{Tag, Upos};
pub use tokens::{Token, TokenKind};

/// The language layer's view of a document: a reading of each of its sentences, made
/// when a rule first asks for it, and where each stands in the message.
pub struct Language<'d> {
    doc: &'d Document<'d>,
    message: OnceCell<MessageSetting>,
    reply: bool,
    /// The quotations that run over more than one sentence ([`quotations`]).
    quotations: OnceCell<Vec<Span>>,
    sentences: Vec<OnceCell<SentenceReading>>,
}

impl<'d> Language<'d> {
    /// The (not yet made) readings of `doc`'s sentences; `reply` says whether the message
    /// answers an earlier one.
    pub fn new(doc: &'d Document<'d>, reply: bool) -> Language<'d> {
        let count = doc.sentences.len();
        Language {
            doc,
            message: OnceCell::new(),
            reply,
            quotations: OnceCell::new(),
            sentences: (0..count).map(|_| OnceCell::new()).collect(),
        }
    }

    /// The reading of sentence `index` of the document.
    pub fn sentence(&self, index: usize) -> &SentenceReading {
        self.sentences[index].get_or_init(|| {
            let span = self.doc.sentences[index].span;
            let quotations = self.quotations.get_or_init(|| quotations::across_sentences(self.doc));
            read_quoted_span(self.doc.source, &self.doc.prose, span, &quotations::within(quotations, span))
        })
    }

    /// Where sentence `index` stands in the message, as the act model reads it.
    pub fn setting(&self, index: usize) -> SentenceSetting<'_> {
        let message = *self.message.get_or_init(|| MessageSetting::of(self.doc, self.reply));
        let previous = index.checked_sub(1).map(|p| self.sentence(p));
        SentenceSetting::of(self.doc, index, previous, message)
    }
}

/// The most words the tagger reads as one sentence. A longer run with no sentence end
/// (a pasted log, a CSV line, minified text) is no sentence a reader would call one: its
/// words get the tag the tagger's dictionary always gives them, or `NOUN`, which keeps
/// the time linear in its length and reads no grammar into it. The longest sentences of
/// the treebank's web text and of the labeled messages are under 300 words.
pub const MAX_READ_WORDS: usize = 500;

/// Reads the sentence at `span` of a file: `source` is the file, `prose` its prose view
/// (same length, non-prose blanked).
pub fn read_span(source: &str, prose: &str, span: Span) -> SentenceReading {
    read_quoted_span(source, prose, span, &[])
}

/// Reads the sentence at `span` as [`read_span`] does, with `quoted`, the parts of
/// quotations that open or close in another sentence, as reported words.
fn read_quoted_span(source: &str, prose: &str, span: Span, quoted: &[Span]) -> SentenceReading {
    let tokens = tokens::tokenize(source, prose, span);
    // Emoji are no words: the tagger reads the sentence without them ("🚀 Ship it ASAP"
    // is an imperative), and they are tagged as symbols.
    let emoji: Vec<bool> = tokens.iter().map(|t| is_emoji(t.span.slice(source))).collect();
    let words: Vec<&str> =
        tokens.iter().zip(&emoji).filter(|(_, e)| !**e).map(|(t, _)| tagger_text(source, t)).collect();
    let tagger = tagger::tagger();
    let word_tags = if words.len() > MAX_READ_WORDS { tagger.tag_coarse(&words) } else { tagger.tag(&words) };
    let mut word_tags = word_tags.into_iter();
    let symbol = Tag { upos: Upos::Punct, xpos: "NFP", imperative: false };
    let mut tags: Vec<Tag> =
        emoji.iter().map(|&e| if e { symbol } else { word_tags.next().unwrap_or(symbol) }).collect();
    // Code, links, mentions and references are names whatever the tagger makes of their
    // text ("`expire`" is not a verb here); the tagger still read them for their neighbours.
    for (tag, token) in tags.iter_mut().zip(&tokens) {
        if matches!(token.kind, TokenKind::Code | TokenKind::Url | TokenKind::Mention | TokenKind::Reference) {
            *tag = Tag { upos: Upos::Propn, xpos: "NNP", imperative: false };
        }
    }
    reading::read(tokens, tags, |span| span.slice(source), quoted)
}

/// Whether a token is made of emoji only (pictographs, dingbats, their modifiers and
/// joiners).
fn is_emoji(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{FE0F}' | '\u{200D}' | '\u{2B00}'..='\u{2BFF}')
        })
}

/// The text the tagger reads for a token: inline code without its backticks.
fn tagger_text<'a>(source: &'a str, token: &Token) -> &'a str {
    let text = token.span.slice(source);
    match token.kind {
        TokenKind::Code => {
            let inner = text.trim_matches('`').trim();
            if inner.is_empty() { "code" } else { inner }
        }
        _ => text,
    }
}
