//! The language layer: words with their parts of speech, and a reading of every sentence
//! (its mood, whom it addresses, what it does). It sits between the document model and
//! the rules: it reads a [`Document`] and knows nothing of rules, findings or
//! configuration. Sentences are read on first use, so a profile whose rules never ask
//! about grammar never pays for the tagger.

pub mod conllu;
pub mod reading;
pub mod tagger;
pub mod tokens;

use std::cell::OnceCell;

use crate::document::Document;
use crate::span::Span;
pub use reading::{Acts, Addressee, Mood, Role, SentenceReading};
pub use tagger::{Tag, Upos};
pub use tokens::{Token, TokenKind};

/// The language layer's view of a document: a reading of each of its sentences, made
/// when a rule first asks for it.
pub struct Language<'d> {
    doc: &'d Document<'d>,
    sentences: Vec<OnceCell<SentenceReading>>,
}

impl<'d> Language<'d> {
    /// The (not yet made) readings of `doc`'s sentences.
    pub fn new(doc: &'d Document<'d>) -> Language<'d> {
        Language { doc, sentences: (0..doc.sentences.len()).map(|_| OnceCell::new()).collect() }
    }

    /// The reading of sentence `index` of the document.
    pub fn sentence(&self, index: usize) -> &SentenceReading {
        self.sentences[index]
            .get_or_init(|| read_span(self.doc.source, &self.doc.prose, self.doc.sentences[index].span))
    }
}

/// Reads the sentence at `span` of a file: `source` is the file, `prose` its prose view
/// (same length, non-prose blanked).
pub fn read_span(source: &str, prose: &str, span: Span) -> SentenceReading {
    let tokens = tokens::tokenize(source, prose, span);
    let words: Vec<&str> = tokens.iter().map(|t| tagger_text(source, t)).collect();
    let mut tags = tagger::tagger().tag(&words);
    // Code, links, mentions and references are names whatever the tagger makes of their
    // text ("`expire`" is not a verb here); the tagger still read them for their neighbours.
    for (tag, token) in tags.iter_mut().zip(&tokens) {
        if matches!(token.kind, TokenKind::Code | TokenKind::Url | TokenKind::Mention | TokenKind::Reference) {
            *tag = Tag { upos: Upos::Propn, xpos: "NNP", imperative: false };
        }
    }
    reading::read(tokens, tags, |span| span.slice(source))
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
