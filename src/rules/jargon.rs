//! Flags business jargon ("circle back", "synergy") and offers plain alternatives.

use super::{ALL_PROFILES, Context, Locality, Rule, RuleMeta, Scope, phrase_findings};
use crate::finding::{Finding, Severity};
use crate::lexicon::List;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "jargon",
    summary: "Business jargon with a plainer way to say it",
    severity: Severity::Info,
    doc_severity: None,
    profiles: ALL_PROFILES,
    optional_profiles: &[],
    weight: 2,
    scope: Scope::Text,
    reads_english: true,
    docs: r#"
## What it does
Flags phrases from the `jargon` lists (`rules/jargon.toml` and your own rule files):
business jargon such as "circle back", "synergy", "move the needle", "bandwidth"
for time, "low-hanging fruit", "deep dive", "leverage" as a verb.

## Why
Jargon sounds like it says something while leaving the reader to guess what. Readers
working in a second language, and anyone outside the team, guess wrong or not at all.
Every entry carries plain alternatives, offered as fixes.

## What counts
Whole-word matches in the writer's prose, ignoring case, across line breaks. Some
entries are jargon in one part of speech only, read from the tags: "leverage" as a verb
("we should leverage the new API"), not the noun ("more leverage in the
negotiation"). Others look at their neighbours ("bandwidth" for time rather than
networks). Terms in the config's `glossary` are never flagged."#,
    options: &[],
    example_config: None,
    flagged: &["Let's circle back on pricing next week.", "We should leverage the new API."],
    fine: &["We will follow up on pricing on Monday.", "The link has plenty of network bandwidth."],
};

/// See [`META`].
pub struct Jargon;

impl Rule for Jargon {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        phrase_findings(cx, List::Jargon, |text| format!("“{text}” is business jargon"))
    }

    fn locality(&self) -> Locality {
        // A phrase's finding reads the phrase, the words around it that the match was accepted
        // with, and its own sentence's reading.
        Locality::Section
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn a_phrase_across_paragraphs_hides_none_it_overlaps() {
        // "win win" across the break is a coincidence; "win-win" in the next one is jargon.
        assert_flags(&Jargon, "We always win\n\n[[win-win]] deals are rare.");
    }

    #[test]
    fn titles_in_title_case_are_names() {
        // Talk titles and a heading from the corpus.
        assert_clean(&Jargon, "| 2022 November 9 | Kubernetes SIG Storage Deep Dive | Video |");
        assert_clean(&Jargon, "#### Recommendations & Decisions Moving Forward (High-Level)");
        assert_flags(&Jargon, "Retro:\n\n* [[Circle back]] to making sure discussion points are documented.");
    }

    #[test]
    fn flags_jargon_phrase() {
        assert_flags(&Jargon, "Let's [[circle back]] on this next week.");
    }

    #[test]
    fn matches_across_a_line_break() {
        assert_flags(&Jargon, "We need to [[touch\nbase]] on Monday.");
    }

    #[test]
    fn offers_alternatives_in_matching_case() {
        let found = run(&Jargon, crate::Profile::Message, crate::FileKind::Text, "Circle back tomorrow.");
        assert_eq!(found[0].fixes[0].replacement, "Follow up");
    }

    #[test]
    fn moving_forward_as_the_verb_of_its_clause_is_fine() {
        // The phrase beside its clause means "from now on" (a doc of the corpus: "…be used
        // going forward via this exec plugin").
        assert_flags(&Jargon, "It will be used [[going forward]] via this exec plugin.");
        assert_flags(&Jargon, "[[Moving forward]], we will use the new template.");
        // After an auxiliary, adverbs aside, it is the clause's verb: progress (the shape
        // two precision audits found, data/audits/2026-12-07-6 and -7, so made after
        // reading them).
        assert_clean(&Jargon, "The project is still actively moving forward.");
        assert_clean(&Jargon, "We are slowly moving forward with the plan.");
    }

    #[test]
    fn leverage_as_a_noun_is_fine() {
        assert_clean(&Jargon, "That gives us more leverage in the negotiation.");
    }

    #[test]
    fn network_bandwidth_is_fine() {
        assert_clean(&Jargon, "The cluster needs more network bandwidth between zones.");
    }

    #[test]
    fn part_of_a_longer_word_is_fine() {
        assert_clean(&Jargon, "The synergyless plan was fine.");
    }
}
