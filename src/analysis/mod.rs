//! Facts about a message that several rules need: which sentences ask something of the
//! reader, and which times and time words it contains. Each is computed once per
//! document, on first use, through [`crate::rules::Context`].

pub mod asks;
pub mod labels;
pub mod times;

use crate::rules::Context;
use crate::span::Span;

/// What the rules conclude about a message as a whole, as `plainly analyze` shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MessageFacts {
    /// The first sentence that asks something of the reader.
    pub first_ask: Option<Span>,
    /// The time that bounds the first ask.
    pub deadline: Option<Span>,
    /// Whether the message says no action is needed.
    pub fyi: bool,
    /// Whether the message is only greetings, names and presence checks.
    pub greeting_only: bool,
}

/// The facts of the message `cx` checks.
pub fn message_facts(cx: &Context<'_>) -> MessageFacts {
    let first_ask = cx.asks().first().map(|ask| ask.span);
    MessageFacts {
        first_ask,
        deadline: first_ask.and_then(|_| times::deadlines(cx).first().copied()),
        fyi: crate::rules::is_marked_fyi(cx),
        greeting_only: crate::rules::bare_greeting_span(cx).is_some(),
    }
}
