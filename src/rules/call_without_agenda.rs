//! Flags requests for a call or meeting that state no purpose.

use super::{Context, MESSAGE, Rule, RuleMeta, Scope};
use crate::finding::{Finding, Severity};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "call-without-agenda",
    summary: "A request for a call or meeting that states no purpose",
    severity: Severity::Warning,
    doc_severity: None,
    profiles: MESSAGE,
    optional_profiles: &[],
    weight: 10,
    scope: Scope::Message,
    reads_english: true,
    docs: r#"
## What it does
Flags a request or proposal for a synchronous call or meeting ("hop/jump on a call",
"quick call", "let's sync", "can we meet", "set up/schedule a meeting", "huddle",
"zoom?") when the message states no purpose for it.

## Why
A call with no stated purpose cannot be prepared for, often needs a second call, and
sometimes was a two-line message all along. Across time zones a call is expensive:
somebody joins early or late. Say what it should decide or cover, and the reader may
answer in writing instead.

## What counts
A meeting request is a construction, read from each sentence's grammar (`plainly
analyze` shows the words): a meeting noun as what is asked for or proposed ("hop on a
call", "set up a meeting", "a quick sync"), or a meeting verb with "we" or "you" as
its subject ("can we talk today?", "let's sync", "want to meet up next week?"), in a
sentence that asks or proposes, or that the writer offers and the next sentence puts to
the reader ("I will propose some time slots to meet next week. Does it work for
you?"). Not meeting requests: a call with the number to call ("Give me a call. My
number is…", "call me at 555-0100", an extension), a call offered on the reader's
condition ("If you have any questions, please call me"), a meeting already set
("before the 10am call", "on Friday's call", "for the next meeting"), a meeting
verb with a thing as its object ("meet the deadline", "sync the repo"), "call for
papers", the writer meeting someone else ("I will sync with him"), a product named
"Sync" or "Meet", words in quotation marks, sign-offs ("Talk soon").

A purpose is an infinitive after the meeting words ("to decide the launch date", "to
find out what we need"; not one that only names the meeting again: "to touch base",
"to sync", "to circle back"), what follows from it ("… and we'll get moving on the
options", "so we can settle the date"), a phrase from the `purpose` list ("about …",
"regarding …") in the request sentence or the sentence after it, the word "agenda"
anywhere, or a list anywhere in the message. The finding points at the meeting words,
or at the sentence where only the act model saw the request, and then says so."#,
    options: &[],
    example_config: None,
    flagged: &[
        "Can we hop on a quick call tomorrow?",
        "Want to meet up next week in Walnut Creek?",
        "Can we talk today?",
        "I will propose some time slots to meet next week. Does it work for you?",
    ],
    fine: &[
        "Can we hop on a call tomorrow to decide the launch date?",
        "Just give me a call and we'll get moving on the options. My number is 713-853-1234.",
        "Need your sign-off on the wording before the 10am call with Brightline on Monday.",
        "Can we meet on Monday? Agenda: pricing, then hiring.",
        "We had a call yesterday and agreed on the plan.",
    ],
};

/// See [`META`].
pub struct CallWithoutAgenda;

impl Rule for CallWithoutAgenda {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let Some(meeting) = cx.acts().meeting_without_purpose() else { return Vec::new() };
        let what = if meeting.words {
            format!("“{}”", cx.doc.text_of(meeting.span))
        } else {
            "The meeting this sentence asks for".to_string()
        };
        vec![Finding::new(
            meeting.span,
            format!(
                "{what} has no stated purpose: say what it should decide or cover (“a call to decide the launch date”), or share an agenda."
            ),
        )]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn flags_call_request_without_purpose() {
        assert_flags(&CallWithoutAgenda, "Can we [[hop on a call]] tomorrow?");
        assert_flags(&CallWithoutAgenda, "[[Set up a call]] with Santi and Griff? to Touch base");
        assert_flags(&CallWithoutAgenda, "Hey it's Amrish! Want to [[meet up]] next week in Walnut Creek?");
        assert_flags(&CallWithoutAgenda, "Let's [[sync]] tomorrow.");
        assert_flags(
            &CallWithoutAgenda,
            "It'd be quicker to [[jump on a call]] than to keep writing. Would Friday work?",
        );
    }

    #[test]
    fn purpose_in_request_or_next_sentence_clears() {
        assert_clean(&CallWithoutAgenda, "Can we hop on a call tomorrow to go over the migration?");
        assert_clean(&CallWithoutAgenda, "Can we hop on a call about the migration?");
        assert_clean(&CallWithoutAgenda, "Can we hop on a call? I want to walk through the migration plan.");
        assert_clean(
            &CallWithoutAgenda,
            "Please e-mail me, or tell me if you would like me to set up a meeting to discuss this further.",
        );
    }

    #[test]
    fn offered_then_put_to_the_reader() {
        // messages-2 003; the treebank's emails; chat.
        assert_flags(
            &CallWithoutAgenda,
            "I will sync with him and propose some time slots to [[meet]] next week. Does it work for you?",
        );
        assert_flags(&CallWithoutAgenda, "I'll [[set up a call]] for Thursday. Does 3pm suit you?");
        assert_clean(&CallWithoutAgenda, "I'll set up a call for Thursday to go over the budget. Does 3pm suit you?");
    }

    #[test]
    fn a_number_to_call_or_what_follows_clears() {
        // messages-2 046; the treebank's emails ("Call me at…"); chat.
        assert_clean(
            &CallWithoutAgenda,
            "Just give me or Steve Herrup a call and we'll get moving on the options. My number is 713-853-1234.",
        );
        assert_clean(&CallWithoutAgenda, "Please give me a call when you get a chance. My cell is 713 555 0100.");
        assert_clean(&CallWithoutAgenda, "Can we talk tomorrow so we can settle the launch date?");
        assert_flags(&CallWithoutAgenda, "Please give me [[a call]] when you get a chance.");
    }

    #[test]
    fn contact_offers_existing_calls_and_relative_clauses_are_fine() {
        // From the treebank's emails.
        for text in [
            "If you have any questions please call me on x34703.",
            "If you have any questions please do not hesitate to give me a call.",
            "Can you confirm the correct names for those new folks on Friday's call?",
            "Do you know who would handle this at Enron that we can speak to?",
            "Talk to you guys soon, Susan",
        ] {
            assert_clean(&CallWithoutAgenda, text);
        }
    }

    #[test]
    fn agenda_or_list_clears() {
        assert_clean(&CallWithoutAgenda, "Can we meet Monday? Agenda is in the doc.");
        assert_clean(&CallWithoutAgenda, "Can we meet Monday?\n\n- pricing\n- hiring\n");
    }

    #[test]
    fn statements_about_past_calls_are_fine() {
        assert_clean(&CallWithoutAgenda, "We had a quick call yesterday and agreed on the plan.");
        assert_clean(&CallWithoutAgenda, "I can't find the meetings link. Do we have any meetings arranged?");
    }
}
