//! Flags messages that are only a greeting or presence check.

use super::{Context, MESSAGE, Rule, RuleMeta, Scope};
use crate::finding::{Finding, Severity};
use crate::lexicon::List;
use crate::span::Span;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "bare-greeting",
    summary: "The whole message is a greeting or presence check with no content",
    severity: Severity::Warning,
    doc_severity: None,
    profiles: MESSAGE,
    optional_profiles: &[],
    weight: 20,
    scope: Scope::Message,
    docs: "\
## What it does
Flags a message that is only a greeting or a presence check: \"Hi\", \"Hey @sam!\",
\"Hello, are you there?\", \"Got a sec?\", \"Do you have a minute?\", \"ping\", \"quick
question\" (alone).

## Why
\"Hi\" on its own makes the reader answer and then wait for the real question, which in
another time zone arrives after they have logged off. Say hello and the question in the
same message (see nohello.net).

## What counts
Every word of the message is part of a phrase in the `greeting` list, a name (a
capitalised word, or one word right after the greeting), an @mention, or a filler such
as \"all\", \"team\", \"there\". Anything else is content.",
    options: &[],
    example_config: None,
    flagged: &["Hi", "Hey @sam!", "Hello, are you there?", "Got a sec?", "ping"],
    fine: &["Hi Sam, can you review PR 42 by Friday?", "Hi,\n\nWill MongoDB not fit this solution?"],
};

/// Words that may stand beside a greeting without making it content.
const FILLER: &[&str] = &[
    "again",
    "all",
    "everybody",
    "everyone",
    "folks",
    "friends",
    "guys",
    "just",
    "quick",
    "so",
    "team",
    "there",
    "um",
    "y'all",
    "yall",
    "you",
    "hmm",
    "oh",
    "ok",
    "okay",
    "sorry",
];

/// Messages longer than this are never just a greeting.
const MAX_WORDS: usize = 12;

/// See [`META`].
pub struct BareGreeting;

impl Rule for BareGreeting {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        bare_greeting(cx)
            .map(|span| {
                Finding::new(
                    span,
                    "This message is only a greeting: the reader has to reply and wait for the real question. Say what you need in the same message.",
                )
            })
            .into_iter()
            .collect()
    }
}

/// The whole message's span when it is only a greeting or presence check.
pub(crate) fn bare_greeting(cx: &Context<'_>) -> Option<Span> {
    let doc = cx.doc;
    let words = &doc.words;
    if words.is_empty() || words.len() > MAX_WORDS {
        return None;
    }
    let greetings = cx.phrases().get(List::Greeting);
    if greetings.is_empty() {
        return None;
    }
    let mut after_greeting = false;
    for word in words {
        if greetings.iter().any(|g| g.span.contains(word.start)) {
            after_greeting = true;
            continue;
        }
        let text = word.slice(&doc.prose);
        let mentioned = doc.prose[..word.start].ends_with('@');
        let named = text.chars().next().is_some_and(char::is_uppercase);
        if mentioned || named || FILLER.contains(&text.to_lowercase().as_str()) || after_greeting {
            after_greeting = false;
            continue;
        }
        return None;
    }
    Some(Span::new(words[0].start, words[words.len() - 1].end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn flags_bare_greetings() {
        assert_flags(&BareGreeting, "[[Hi]]");
        assert_flags(&BareGreeting, "[[Hey @sam]]!");
        assert_flags(&BareGreeting, "[[Hello is there anyone]]?");
        assert_flags(&BareGreeting, "[[Ping @sparrc]] 🏓");
        assert_flags(&BareGreeting, "*[[poke]]*");
        assert_flags(&BareGreeting, "[[hi sam, got a sec]]?");
        assert_flags(&BareGreeting, "[[Quick question]]");
    }

    #[test]
    fn greeting_with_content_is_fine() {
        assert_clean(&BareGreeting, "Hi,\n\nWill MongoDB not fit this solution?");
        assert_clean(&BareGreeting, "hi, the deploy failed");
        assert_clean(&BareGreeting, "Quick question: is the API frozen for the release?");
    }

    #[test]
    fn no_greeting_no_finding() {
        assert_clean(&BareGreeting, "Blocked by #461 I guess");
    }
}
