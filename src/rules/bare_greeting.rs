//! Flags messages that are only a greeting or presence check.

use super::{Context, MESSAGE, Rule, RuleMeta, Scope};
use crate::finding::{Finding, Severity};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "bare-greeting",
    summary: "The whole message is a greeting or presence check with no content",
    severity: Severity::Warning,
    doc_severity: None,
    profiles: MESSAGE,
    optional_profiles: &[],
    weight: 20,
    scope: Scope::Message,
    reads_english: true,
    docs: r#"
## What it does
Flags a message that is only a greeting or a presence check: "Hi", "Hey @sam!",
"Hello, are you there?", "Got a sec?", "Do you have a minute?", "ping", "quick
question" (alone).

## Why
"Hi" on its own makes the reader answer and then wait for the real question, which in
another time zone arrives after they have logged off. Say hello and the question in the
same message (see nohello.net).

## What counts
The message is read sentence by sentence, and nothing must be left once its greetings
("Hi", "Good morning"), vocatives ("Sam,", "team", "@sam"), presence checks (a
question about whether the reader is there or free: "are you around?", "got a
sec?", "do you have a minute?"), bumps ("ping", "polite ping", "kindly
reminder"), thanks and sign-off ("Cheers, Bart") are taken away; and at least one
sentence greets or checks presence. "It's been two weeks. Ping?" is only a bump: how
long it waited says nothing about what it is about. A question with content is not a
presence check: "do you have a minute to review the schema?" asks, and "do you have time
for a quick call?" asks for a call.

A second reader looks at the message as a whole: the act model's verdict
(`plainly analyze` shows it), a model trained on labeled real messages over what each
sentence may do and the message's shape (its length, its question marks, its
mentions). It catches greetings the sentence reading does not know, such as a ping with
a nickname ("ping luke-jr", "cc @skade"). A wish after a greeting ("Hey team, happy
holidays!", "Hi folks, have a great weekend!") the sentence reading takes as part of the
greeting, as it does thanks. Either reader is enough, but the verdict is taken only where a
sentence greets, checks presence or pings, and none thanks or marks the message FYI:
"Thanks!" and "FYI" say something. Messages over 12 words are never just a greeting.
A message of nothing but @mentions ("@sam", "@ann, @bo 👋") is a ping with no subject."#,
    options: &[],
    example_config: None,
    flagged: &["Hi", "Hey @sam!", "Hello, are you there?", "Got a sec?", "ping", "Hey team, happy holidays!"],
    fine: &["Hi Sam, can you review PR 42 by Friday?", "Hi,\n\nWill MongoDB not fit this solution?"],
};

/// See [`META`].
pub struct BareGreeting;

impl Rule for BareGreeting {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        crate::analysis::greeting::greeting_only(cx)
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
        // A reaction after a greeting says something: the spec's "Sounds good" and "Yes,
        // that works" (a reply, not a bare greeting), and real replies from an email of
        // the treebank and two GitHub threads of data/messages (pg-042, gb-188).
        assert_clean(&BareGreeting, "Hi all,\n\nSounds good.");
        assert_clean(&BareGreeting, "Hi Sam,\n\nYes, that works.");
        assert_clean(&BareGreeting, "Sara:\n\nLooks good.");
        assert_clean(&BareGreeting, "Hi @Peco602 , yes this project is still maintained.");
        assert_clean(&BareGreeting, "Hello @jonasN5 ! I would like to try");
        assert_clean(&BareGreeting, "Hi,\n\nWill MongoDB not fit this solution?");
        assert_clean(&BareGreeting, "hi, the deploy failed");
        assert_clean(&BareGreeting, "Quick question: is the API frozen for the release?");
        // News after a greeting, which the act model reads as a greeting for its opening.
        assert_clean(&BareGreeting, "Hey all, the build is green again.");
        assert_clean(&BareGreeting, "Morning all, the servers are back up.");
        assert_clean(&BareGreeting, "Hi team, the numbers are almost ready. Thanks for your patience.");
    }

    #[test]
    fn a_seasonal_wish_alone_is_a_bare_greeting() {
        // A kind the issue that asked for the act model found missed: a greeting with a
        // seasonal wish and nothing else. The reading takes the wish as part of the
        // greeting, as it takes thanks.
        assert_flags(&BareGreeting, "[[Hey team, happy holidays]]!");
        assert_flags(&BareGreeting, "[[Hi folks, have a great weekend]]!");
        // An IRC ping with a nickname the reading does not take for a name.
        assert_flags(&BareGreeting, "[[ping luke-jr]]");
    }

    #[test]
    fn mentions_alone_are_a_ping() {
        // Real GitHub comments of data/messages (sx-179, rf3-044, mt2-010): a ping with
        // no subject, in the spec's words.
        assert_flags(&BareGreeting, "[[@mcibique]]");
        assert_flags(&BareGreeting, "[[@AlexPurhalo]] ^");
        assert_flags(&BareGreeting, "[[@BethGriggs, @bmeck, @darcyclarke]]");
        // A mention with words, a link or a reference says something.
        assert_clean(&BareGreeting, "@mcibique #461");
        assert_clean(&BareGreeting, "@mcibique https://example.com/build/42");
    }

    #[test]
    fn the_verdict_does_not_take_thanks_or_fyi_for_a_greeting() {
        // Labeled real messages the verdict alone took for bare greetings: thanks alone
        // says something, and "FYI" says there is nothing to answer.
        for text in ["Thanks!", "Cool, thanks!", "Thanks @jonathanbossenger", "FYI"] {
            assert_clean(&BareGreeting, text);
        }
    }

    #[test]
    fn no_greeting_no_finding() {
        assert_clean(&BareGreeting, "Blocked by #461 I guess");
    }
}
