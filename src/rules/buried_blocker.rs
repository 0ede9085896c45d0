//! Flags blockers stated late in a message and not under a label.

use super::{Context, MESSAGE_STANDUP, OptionMeta, Rule, RuleMeta, Scope};
use crate::analysis::asks::is_question;
use crate::analysis::labels::under_label;
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::language::{SentenceReading, Upos};
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
    docs: "\
## What it does
Flags a message whose first blocker statement starts after the first paragraph **and**
after the first `max-words-before` (40) words, unless it is under an explicit label or
heading (\"Blocker:\", \"Blocked:\", \"**Blockers**\", \"## Blockers\").

## Why
A blocker is the one thing in an update someone else can act on today. Mentioned at the
end, it is read after the reader has moved on, and the writer stays blocked another
day.

## What counts
A blocker statement uses phrasing from the `blocker` list: \"blocked on/by\", \"blocking\",
\"blocker\", \"stuck on\", \"can't/cannot proceed/continue/ship/merge until/without\",
\"waiting on … before\", \"held up by\", and is read in its sentence: it says the writer's
work is held up now. Not blockers: negations (\"no blockers\", \"not blocked\", \"nothing
blocking\", \"unblocked\"), questions (\"is anything blocking the release?\"), reported
words in quotation marks, a wait told as past narration that has ended (\"I was waiting
on this response from Ms. Korp, so I could…\", \"we had been blocked by it\"), and
\"stuck\" as a past-tense verb with its own subject (\"I already kind of stuck with the
GNU Radio project\": kept at it). The finding points at the statement.",
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
        let phrases = cx.phrases();
        let negations = phrases.get(List::NotBlocker);
        let first = phrases.get(List::Blocker).iter().find(|m| {
            let negated = negations.iter().any(|n| n.span.overlaps(m.span));
            let Some(sentence) = doc.sentence_at(m.span.start) else { return !negated };
            let reading = cx.language().sentence(sentence);
            !negated
                && !is_question(doc, &doc.sentences[sentence])
                && !reading.is_reported(m.span.start)
                && states_blocker_now(reading, doc, m.span.start)
        });
        let Some(first) = first else { return Vec::new() };
        let words_before = doc.words_before(first.span.start);
        let in_first_block = doc.block_at(first.span.start).is_none_or(|b| b == 0);
        if in_first_block || words_before < cx.option(&META, "max-words-before") as usize {
            return Vec::new();
        }
        if under_label(cx, first.span.start, List::BlockerLabel) {
            return Vec::new();
        }
        let span = doc.sentence_at(first.span.start).map_or(first.span, |s| doc.sentences[s].span);
        let message = format!(
            "The blocker comes after {words_before} words: readers who skim will miss it. Put it first, or under a “Blocker:” label."
        );
        vec![Finding::new(span, message)]
    }
}

/// Whether the blocker phrase at `offset` says the writer's work is held up now. Not a
/// wait told as past narration that has ended ("I was waiting on this response from Ms.
/// Korp, so I could…", "we had been blocked by it"): the verb group before the phrase is
/// headed by a past-tense auxiliary. Not "stuck" as a past-tense verb with its own
/// subject ("I already kind of stuck with the GNU Radio project": kept at it), where a
/// blocked writer says "I'm stuck", "got stuck" or just "Stuck on…".
fn states_blocker_now(reading: &SentenceReading, doc: &Document<'_>, offset: usize) -> bool {
    let Some(at) = reading.tokens.iter().position(|t| t.span.end > offset) else { return true };
    let word = |k: usize| doc.text_of(reading.tokens[k].span).to_lowercase();
    // The verb group before the phrase: auxiliaries, skipping adverbs and "kind of".
    let mut k = at;
    let mut auxiliaries = Vec::new();
    let mut before = None;
    while k > 0 {
        k -= 1;
        let tag = reading.tags[k];
        let hedge = matches!(word(k).as_str(), "kind" | "sort") && k + 1 < at && word(k + 1) == "of";
        if tag.upos == Upos::Adv || hedge || word(k) == "of" && k > 0 && matches!(word(k - 1).as_str(), "kind" | "sort")
        {
            continue;
        }
        if tag.upos == Upos::Aux {
            auxiliaries.push(k);
            continue;
        }
        before = Some(k);
        break;
    }
    if let Some(&first) = auxiliaries.last() {
        // The auxiliary furthest back heads the group: "was waiting", "had been blocked".
        return reading.tags[first].xpos != "VBD";
    }
    if word(at) == "stuck" {
        return before.is_none_or(|k| matches!(word(k).as_str(), "got" | "get" | "gets" | "getting" | "still"));
    }
    true
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
    fn question_about_blockers_is_not_a_blocker() {
        let text = format!("{}\n\n{}\n\nIs anything blocking the release?", filler(30), filler(30));
        assert_clean(&BuriedBlocker, &text);
    }
}
