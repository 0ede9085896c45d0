//! Flags requests for a call or meeting that state no purpose.

use super::{Context, MESSAGE, Rule, RuleMeta, Scope};
use crate::document::BlockKind;
use crate::finding::{Finding, Severity};
use crate::lexicon::List;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "call-without-agenda",
    summary: "A request for a call or meeting that states no purpose",
    severity: Severity::Warning,
    doc_severity: None,
    profiles: MESSAGE,
    optional_profiles: &[],
    weight: 10,
    scope: Scope::Message,
    docs: "\
## What it does
Flags a request or proposal for a synchronous call or meeting (\"hop/jump on a call\",
\"quick call\", \"let's sync\", \"can we meet\", \"set up/schedule a meeting\", \"huddle\",
\"zoom?\") when the message states no purpose for it.

## Why
A call with no stated purpose cannot be prepared for, often needs a second call, and
sometimes was a two-line message all along. Across time zones a call is expensive:
somebody joins early or late. Say what it should decide or cover, and the reader may
answer in writing instead.

## What counts
The request is a sentence that asks (see `missing-ask`) or proposes (\"let's\", \"I'd
like to\", \"how about\") a call or meeting from the `meeting` list. A purpose is a
phrase from the `purpose` list (\"to discuss/decide/review/go over/walk through/talk
about …\", \"about …\", \"regarding …\") in the request sentence or the sentence after
it, the word \"agenda\" anywhere, or a list anywhere in the message. \"To touch base\"
and \"to sync\" are not purposes. The finding points at the call phrase.",
    options: &[],
    example_config: None,
    flagged: &["Can we hop on a quick call tomorrow?", "Want to meet up next week in Walnut Creek?"],
    fine: &[
        "Can we hop on a call tomorrow to decide the launch date?",
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
        let doc = cx.doc;
        let phrases = cx.phrases();
        let meetings = phrases.get(List::Meeting);
        if meetings.is_empty() {
            return Vec::new();
        }
        let has_list = doc.blocks.iter().any(|b| b.kind == BlockKind::ListItem);
        let agenda =
            phrases.get(List::Purpose).iter().any(|m| doc.text_of(m.span).to_lowercase().starts_with("agenda"));
        if has_list || agenda {
            return Vec::new();
        }
        let asks = cx.asks();
        for meeting in meetings {
            let Some(index) = doc.sentence_at(meeting.span.start) else { continue };
            let sentence = &doc.sentences[index];
            // Proposed in the sentence itself, or followed by a question about it ("Would Friday work?").
            let next_asks = doc
                .sentences
                .get(index + 1)
                .is_some_and(|next| next.block == sentence.block && asks.iter().any(|a| a.sentence == index + 1));
            let requested = asks.iter().any(|a| a.sentence == index)
                || !phrases.within(List::Proposal, sentence.span).is_empty()
                || next_asks;
            if !requested {
                continue;
            }
            // The request sentence, and the one after it in the same block.
            let mut scope = sentence.span;
            if let Some(next) = doc.sentences.get(index + 1).filter(|n| n.block == sentence.block) {
                scope = scope.cover(next.span);
            }
            if !phrases.within(List::Purpose, scope).is_empty() {
                continue;
            }
            let text = doc.text_of(meeting.span);
            return vec![Finding::new(
                meeting.span,
                format!(
                    "“{text}” has no stated purpose: say what it should decide or cover (“a call to decide the launch date”), or share an agenda."
                ),
            )];
        }
        Vec::new()
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
