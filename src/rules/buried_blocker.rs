//! Flags blockers stated late in a message and not under a label.

use super::{Context, MESSAGE_STANDUP, OptionMeta, Rule, RuleMeta, Scope};
use crate::analysis::labels::under_label;
use crate::finding::{Finding, Severity};
use crate::language::acts::Act;
use crate::lexicon::List;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "buried-blocker",
    summary: "A blocker first mentioned after the first paragraph and the first 40 words",
    severity: Severity::Warning,
    doc_severity: None,
    profiles: MESSAGE_STANDUP,
    optional_profiles: &[],
    weight: 12,
    scope: Scope::Message,
    reads_english: true,
    docs: r###"
## What it does
Flags a message whose first blocker statement starts after the first paragraph **and**
after the first `max-words-before` (40) words, unless it is under an explicit label or
heading ("Blocker:", "Blocked:", "**Blockers**", "## Blockers", "Current blockers:"), or
under a question heading that names blockers, as a status update's template does ("Do
you have any blockers?" with the answer after it or on the next line).

## Why
A blocker is the one thing in an update someone else can act on today. Mentioned at the
end, it is read after the reader has moved on, and the writer stays blocked another
day.

## What counts
A blocker statement uses phrasing from the `blocker` list: "blocked on/by", "blocking",
"blocker", "stuck on", "can't/cannot proceed/continue/ship/merge until/without",
"waiting on … before", "held up by", and is read in its sentence: it says the writer's
work is held up now. Not blockers: negations ("no blockers", "not blocked", "nothing
blocking", "unblocked"), questions ("is anything blocking the release?"), reported
words in quotation marks, a wait told as past narration that has ended ("I was waiting
on this response from Ms. Korp, so I could…", "we had been blocked by it"), and
"stuck" as a past-tense verb with its own subject ("I already kind of stuck with the
GNU Radio project": kept at it). The finding points at the statement."###,
    options: &[OptionMeta {
        name: "max-words-before",
        default: 40,
        min: 0,
        doc: "The first blocker is buried once this many words come before it (it starts after them).",
    }],
    example_config: None,
    flagged: &["This week I integrated the pages into Django, and entries are now stored in a local database. The \
landing page has a sign-in button that sends people to the provider for authorisation.\n\nNext week I will present \
the prototype to the community.\n\nOne blocker I have is the sign-up flow, which is still undecided."],
    fine: &[
        "Blocker: the sign-up flow is still undecided.\n\nThis week I integrated the pages into Django.",
        "This week I integrated the pages into Django, and entries are now stored in a local database. The landing page \
has a sign-in button.\n\nNo blockers this week.",
        "This week I integrated the pages into Django, and entries are now stored in a local database. The landing page \
has a sign-in button.\n\nI will now call the provider back (I was waiting on their response, so I could plan the \
sign-up flow).",
    ],
};

/// See [`META`].
pub struct BuriedBlocker;

impl Rule for BuriedBlocker {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let doc = cx.doc;
        let acts = cx.acts();
        let Some(first) = acts.first(Act::Blocker) else { return Vec::new() };
        // The hand reading's first blocker, where it comes before, is where a reader could
        // find it; it must be late too.
        let hand = acts.hand.iter().position(|set| set.contains(Act::Blocker));
        let earliest = hand.map_or(first, |at| at.min(first));
        let start = doc.sentences[earliest].span.start;
        let words_before = doc.words_before(start);
        if doc.sentences[earliest].block == 0 || words_before < cx.option(&META, "max-words-before") as usize {
            return Vec::new();
        }
        let span = doc.sentences[first].span;
        if under_label(cx, span.start, List::BlockerLabel) || under_label(cx, start, List::BlockerLabel) {
            return Vec::new();
        }
        let words_before = doc.words_before(span.start);
        let message = format!(
            "The blocker comes after {words_before} words: readers who skim will miss it. Put it first, or under a “Blocker:” label."
        );
        vec![Finding::new(span, message)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    fn filler(words: usize) -> String {
        "The pages now store entries locally. ".repeat(words / 6)
    }

    #[test]
    fn flags_late_blocker_at_its_sentence() {
        let text = format!("{}\n\n{}\n\n[[I am stuck on the sign-up flow.]]", filler(30), filler(30));
        assert_flags(&BuriedBlocker, &text);
    }

    #[test]
    fn early_blocker_is_fine() {
        assert_clean(&BuriedBlocker, &format!("Blocked by #461.\n\n{}", filler(90)));
        assert_clean(&BuriedBlocker, &format!("{} Blocked on the API keys.\n\n{}", filler(60), filler(30)));
    }

    #[test]
    fn negations_are_not_blockers() {
        let text = format!(
            "{}\n\n{}\n\nNo blockers. Nothing blocking me, and I'm unblocked on the API.",
            filler(30),
            filler(30)
        );
        assert_clean(&BuriedBlocker, &text);
    }

    #[test]
    fn labelled_blocker_is_fine() {
        let text = format!("{}\n\n{}\n\nBlocker: waiting on legal before we can ship.", filler(30), filler(30));
        assert_clean(&BuriedBlocker, &text);
        let text =
            format!("## Done\n\n{}\n\n{}\n\n## Blockers\n\n- Stuck on the flaky deploy job.", filler(30), filler(30));
        assert_clean_in(&BuriedBlocker, crate::Profile::Standup, crate::FileKind::Markdown, &text);
    }

    #[test]
    fn ended_waits_and_kept_at_it_are_not_blockers() {
        // From messages-2 042 and 019, and the treebank's emails.
        for sentence in [
            "I will now call Kim Godfrey back (I was waiting on this response from Ms. Korp, so I could better know \
             the calendars' status).",
            "You might know that I already kind of stuck with the GNU Radio project.",
            "We had been waiting for the final numbers, which came in this morning.",
        ] {
            assert_clean(&BuriedBlocker, &format!("{}\n\n{}\n\n{sentence}", filler(30), filler(30)));
        }
        for sentence in [
            "I'm still stuck on the sign-up flow.",
            "We got stuck on the flaky deploy job.",
            "We are waiting on legal before we can ship.",
        ] {
            assert_flags(&BuriedBlocker, &format!("{}\n\n{}\n\n[[{sentence}]]", filler(30), filler(30)));
        }
    }

    #[test]
    fn a_question_heading_or_a_short_label_line_labels_the_blocker() {
        // Real standups from data/messages (rb-017, su-027, su-036): the template's
        // question, or "Current blockers:", labels the answer as "Blockers:" does.
        let standup = |end: &str| format!("{}\n\n{}\n\n{end}", filler(30), filler(30));
        for end in [
            "**3. What tasks are blocked waiting on another team member?**\n\n- Waiting on Karan’s code merge to \
             complete the frontend of US-LIST-4: Delete Listing",
            "4. Do you have any blockers? - Erfan and Navid were not able to run their react environment after \
             pulling the new code from github",
            "_4. Current blockers:_  \nWe are blocked on the staging database until the migration lands.",
        ] {
            assert_clean_in(&BuriedBlocker, crate::Profile::Standup, crate::FileKind::Markdown, &standup(end));
        }
        // A writer who states the blocker in a line of their own is not labelling it.
        assert_flags(&BuriedBlocker, &standup("[[I am blocked: the API keys never arrived.]]"));
        // A question that is no heading labels nothing: it opens with a statement.
        assert_flags(
            &BuriedBlocker,
            &standup("Thanks for the notes. Is anything else blocking you? [[We are stuck on the API keys.]]"),
        );
    }

    #[test]
    fn question_about_blockers_is_not_a_blocker() {
        let text = format!("{}\n\n{}\n\nIs anything blocking the release?", filler(30), filler(30));
        assert_clean(&BuriedBlocker, &text);
    }
}
