//! Flags messages that ask for something but never say by when.

use super::{Context, MESSAGE_STANDUP, Rule, RuleMeta, Scope};
use crate::analysis::asks::AskKind;
use crate::finding::{Finding, Severity};
use crate::language::acts::Act;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "no-deadline",
    summary: "The message asks for something but gives no time by which it is needed",
    severity: Severity::Warning,
    doc_severity: None,
    profiles: MESSAGE_STANDUP,
    optional_profiles: &[],
    weight: 10,
    scope: Scope::Message,
    reads_english: true,
    docs: r#"
## What it does
Flags a message that asks for something (see `missing-ask` for what counts as an ask)
but gives no time by which it is needed.

## Why
Without a time, the reader cannot tell "today" from "this quarter", so the ask is
either dropped or answered late, and the writer finds out a day later. With a time,
the reader can plan, and can tell you early when they cannot make it.

## What counts
A deadline belongs to the ask it governs. It counts when it is in the ask's own
sentence ("review it by Friday"), in the sentence right before or after it in the same
paragraph ("Could you review it? We ship at 15:00 UTC."), or elsewhere in the message
under a deadline word ("by", "before", "until", "due", "within") or in a sentence that
looks ahead ("We are scheduled to meet at 3pm"). A time in another clause about
something else is not that ask's deadline: past narration ("we moved 200 accounts on
Monday"), an amount of time ("a 15 minute talk"), a name ("the Q4 roadmap").

A time is a date (Nov 3, 2026-11-03, 3/11, the 14th), a weekday, a relative day (today,
tonight, tomorrow, this/next week, EOD, EOW, end of month, Q3), a clock time, a
duration ("within 24 hours", "in 2 days") or an event ("before the release", "by
Thursday's standup", "for the next meeting"). Times in the past ("last Friday", "two
days ago") and timestamps ("11/28/2000 08:22 AM") are not deadlines, and neither are
times in quotation marks. Saying there is no deadline ("no rush", "whenever works",
"no deadline") satisfies the rule. A vague time word ("ASAP", "soon") is not a
deadline, but when one is present only `vague-deadline` fires. The finding points at
the first ask; in a chat turn whose lines have no full stops, which plainly reads as one
sentence, at the line that asks the question (and the line before it too, when that one
breaks off on a word such as "about" or "the"). A message that is only a greeting or
presence check ("Got a sec?") is left to `bare-greeting`."#,
    options: &[],
    example_config: None,
    flagged: &[
        "Can you review the migration plan?",
        "Please send me the quarterly numbers.",
        "We moved 200 accounts on Monday. Can you check the invoices?",
    ],
    fine: &[
        "Can you review the migration plan by Thursday?",
        "Please send me the numbers before the board meeting.",
        "Could you look at the flaky test? No rush.",
    ],
};

/// See [`META`].
pub struct NoDeadline;

impl Rule for NoDeadline {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let acts = cx.acts();
        let Some(first) = acts.asks.first() else { return Vec::new() };
        // "Got a sec?" asks for attention, not for something by a time; bare-greeting says what is wrong.
        if crate::analysis::greeting::greeting_only(cx).is_some() {
            return Vec::new();
        }
        // A vague time ("ASAP") is what vague-deadline reports; "no rush" is a deadline. The
        // rule fires only when no sentence may give either.
        if acts.may_have(Act::Deadline) || acts.may_have(Act::VagueTime) || cx.times().no_deadline {
            return Vec::new();
        }
        let message = match first.kind {
            AskKind::Question => {
                "This asks a question but never says when you need the answer: add a day or time (“by Thu 12:00 UTC”), or say “no rush”."
            }
            AskKind::Request | AskKind::Imperative => {
                "This asks for something but never says by when: add a day or time (“by Thu 12:00 UTC”), or say “no rush”."
            }
        };
        vec![Finding::new(first.span, message)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn flags_ask_without_time_at_the_ask() {
        assert_flags(&NoDeadline, "I pushed the fix. [[Could you review it?]] Thanks!");
    }

    #[test]
    fn points_at_the_chat_line_that_asks() {
        // Real chat turns: lines without full stops, which the sentence splitter joins.
        assert_flags(
            &NoDeadline,
            "simonjb: we had talked at one point about getting what you had in and making JIRAs for the remaining work\n[[is that still an option?]]\n",
        );
        assert_flags(
            &NoDeadline,
            "I've sent a draft email to the Board\ncomments back were cfp - nto wantign board report in first session\nand the tellers suggesting more time for election Q&Aa\n[[any other comments?]]\n",
        );
        // A line that ends on a preposition was broken inside the question, which
        // stays whole (a mailing-list agenda).
        assert_flags(
            &NoDeadline,
            "After a brief discussion, Ron and I agreed that the meeting should be at the campus in Mountain View, not in the city\n[[do 2 or 3 of these depending on interest -- can someone talk about\nSkip tavvakolian's work?]]\n",
        );
        // Hard-wrapped mail is one paragraph, and its question one sentence.
        assert_flags(
            &NoDeadline,
            "I pushed the fix to the branch.\n[[Could you review it and tell me whether\nthe retry policy looks right?]]\n",
        );
    }

    #[test]
    fn any_concrete_time_satisfies_it() {
        for text in [
            "Could you review it by Friday?",
            "Could you review it today?",
            "Could you review it by Nov 3?",
            "Could you review it by 2026-11-03?",
            "Could you review it by 3 o'clock?",
            "Could you review it within 24 hours?",
            "Could you review it before the release?",
            "Could you review it? We ship at 15:00 UTC.",
            "Any update on this? Trying to wrap up before the soft launch.",
            "Please comment; I'll leave it open for a week.",
        ] {
            assert_clean(&NoDeadline, text);
        }
    }

    #[test]
    fn past_times_do_not_count() {
        assert_flags(&NoDeadline, "[[Per our call last Friday, please prepare the agreement.]]");
    }

    #[test]
    fn saying_no_deadline_counts() {
        assert_clean(&NoDeadline, "Could you look at the flaky test? No rush, whenever works.");
    }

    #[test]
    fn vague_word_leaves_it_to_vague_deadline() {
        assert_clean(&NoDeadline, "Could you look at the flaky test asap?");
    }

    #[test]
    fn a_bare_greeting_is_left_to_bare_greeting() {
        assert_clean(&NoDeadline, "Hello, are you there?");
    }

    #[test]
    fn no_ask_no_finding() {
        assert_clean(&NoDeadline, "I pushed the fix and the build is green.");
    }
}
