//! What the constructions' tests share: each reads a whole sentence as the language layer
//! does, tokens and tags included, so a test shows what a writer would see.

use super::*;
use crate::language::read_span;

pub(super) fn read(text: &str) -> SentenceReading {
    read_span(text, text, Span::new(0, text.len()))
}

pub(super) fn acts(text: &str) -> Vec<&'static str> {
    read(text).acts.names()
}

pub(super) fn mood_of(text: &str) -> &'static str {
    read(text).mood.name()
}
