//! Flags messages that are only a greeting or presence check.

use super::{Context, MESSAGE, Rule, RuleMeta, Scope};
use crate::finding::{Finding, Severity};
use crate::language::{Acts, TokenKind, Upos};
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
The message is read sentence by sentence, and nothing must be left once its greetings
(\"Hi\", \"Good morning\"), vocatives (\"Sam,\", \"team\", \"@sam\"), presence checks (a
question about whether the reader is there or free: \"are you around?\", \"got a
sec?\", \"do you have a minute?\"), bumps (\"ping\", \"polite ping\", \"kindly
reminder\"), thanks and sign-off (\"Cheers, Bart\") are taken away; and at least one
sentence greets or checks presence. \"It's been two weeks. Ping?\" is only a bump: how
long it waited says nothing about what it is about. A question with content is not a
presence check: \"do you have a minute to review the schema?\" asks, and \"do you have time
for a quick call?\" asks for a call. Messages over 12 words are never just a greeting.",
    options: &[],
    example_config: None,
    flagged: &["Hi", "Hey @sam!", "Hello, are you there?", "Got a sec?", "ping"],
    fine: &["Hi Sam, can you review PR 42 by Friday?", "Hi,\n\nWill MongoDB not fit this solution?"],
};

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

/// The whole message's span when it is only a greeting or presence check: every
/// sentence is a greeting, a name, a mention, a presence check, a bump or thanks (as the
/// language layer reads it), a sign-off ("Bart", "Cheers, Bart"), or the time a bump has
/// waited ("It's been two weeks."), and at least one greets or checks presence.
pub(crate) fn bare_greeting(cx: &Context<'_>) -> Option<Span> {
    let doc = cx.doc;
    let words = &doc.words;
    if words.is_empty() || words.len() > MAX_WORDS {
        return None;
    }
    let mut greets = false;
    for index in 0..doc.sentences.len() {
        let reading = cx.language().sentence(index);
        greets |= reading.acts.contains(Acts::GREET) || reading.acts.contains(Acts::PRESENCE);
        let last = index + 1 == doc.sentences.len();
        if !(reading.is_only_opening() || last && is_sign_off(cx, index) || is_time_waited(cx, index)) {
            return None;
        }
    }
    greets.then(|| Span::new(words[0].start, words[words.len() - 1].end))
}

/// The message's last sentence is a signature: one to three names, maybe after a closing
/// word ("Bart", "-Joe", "Cheers, Bart").
fn is_sign_off(cx: &Context<'_>, index: usize) -> bool {
    let reading = cx.language().sentence(index);
    let words: Vec<(&str, Upos)> = reading
        .tokens
        .iter()
        .zip(&reading.tags)
        .filter(|(t, _)| t.kind == TokenKind::Word)
        .map(|(t, tag)| (cx.doc.text_of(t.span), tag.upos))
        .collect();
    let closing = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "best" | "regards" | "cheers" | "thanks" | "thx" | "sincerely" | "cordially"
        )
    };
    let names = words.iter().skip_while(|(w, _)| closing(w)).collect::<Vec<_>>();
    !names.is_empty()
        && names.len() <= 3
        && names.iter().all(|(w, upos)| *upos == Upos::Propn || w.chars().next().is_some_and(char::is_uppercase))
}

/// "It's been two weeks.", "It has been a while": how long a bump has waited.
fn is_time_waited(cx: &Context<'_>, index: usize) -> bool {
    let reading = cx.language().sentence(index);
    let lower: Vec<String> = reading
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| cx.doc.text_of(t.span).to_lowercase().replace('\u{2019}', "'"))
        .collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    match lower.as_slice() {
        ["it", "'s" | "has" | "is", "been", rest @ ..] => {
            !rest.is_empty()
                && rest.len() <= 4
                && rest.iter().all(|w| {
                    matches!(
                        *w,
                        "a" | "while"
                            | "some"
                            | "time"
                            | "ages"
                            | "few"
                            | "couple"
                            | "of"
                            | "now"
                            | "already"
                            | "over"
                            | "more"
                            | "than"
                            | "two"
                            | "three"
                            | "four"
                            | "several"
                            | "many"
                    ) || w.chars().all(|c| c.is_ascii_digit())
                        || matches!(*w, "day" | "days" | "week" | "weeks" | "month" | "months")
                })
        }
        _ => false,
    }
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
