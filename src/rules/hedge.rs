//! Flags hedging that buries the point ("just wondering", "sorry to bother").

use super::{ALL_PROFILES, Context, Locality, Rule, RuleMeta, Scope, phrase_findings};
use crate::finding::{Finding, Severity};
use crate::lexicon::List;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "hedge",
    summary: "Hedging that buries the point",
    severity: Severity::Info,
    doc_severity: None,
    profiles: ALL_PROFILES,
    optional_profiles: &[],
    weight: 2,
    scope: Scope::Text,
    reads_english: true,
    docs: r#"
## What it does
Flags hedges from the `hedge` lists (`rules/hedges.toml` and your own rule files):
"just wondering", "I was wondering if", "sorry to bother", "I think maybe",
"sort of", "kind of" (as a hedge), "if that makes sense", "this might be a dumb
question", "I might be wrong but".

## Why
A hedge makes the reader dig for the request and weakens it: "I was wondering if
maybe you could look at this" is a request that is easy to put off. Say what you need;
politeness lives in "please" and "thanks", not in doubt. Most fixes remove the hedge.

## What counts
Whole-word matches in the writer's prose, ignoring case. "kind of" and "sort of" are
hedges only as adverbs, read from the tags: "kind" standing with no determiner, as a
noun never does ("it's kind of broken", "I sort of agree"). After a determiner, a
possessive, "what" or a noun they mean "type of" ("what kind of tests", "this sort
of change", "a cloth napkin kind of place"), and so they do joined to a noun by "and" or
"or" ("the resource and kind of the request")."#,
    options: &[],
    example_config: None,
    flagged: &[
        "Just wondering if you had a chance to look at the draft?",
        "Sorry to bother you, but is the build green?",
    ],
    fine: &["Have you looked at the draft? I need it for Friday's review.", "What kind of tests do we need?"],
};

/// See [`META`].
pub struct Hedge;

impl Rule for Hedge {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        phrase_findings(cx, List::Hedge, |text| format!("“{text}” hedges"))
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
    fn flags_hedge() {
        assert_flags(&Hedge, "[[I was wondering if]] you could review this.");
    }

    #[test]
    fn kind_of_as_type_is_fine() {
        assert_clean(&Hedge, "What kind of review do you need? This sort of change needs two.");
    }

    #[test]
    fn kind_of_as_hedge_is_flagged() {
        assert_flags(&Hedge, "It's [[kind of]] broken right now.");
    }

    #[test]
    fn removal_fix_takes_the_comma_and_capitalises_what_follows() {
        let text = "Just wondering, is the build green?";
        let found = run(&Hedge, crate::Profile::Message, crate::FileKind::Text, text);
        let fix = &found[0].fixes[0];
        assert_eq!(fix.span.slice(text), "Just wondering, i");
        assert_eq!(fix.replacement, "I");
        let text = "We should split it, if that makes sense.";
        let fix = &run(&Hedge, crate::Profile::Message, crate::FileKind::Text, text)[0].fixes[0];
        assert_eq!(fix.span.slice(text), ", if that makes sense");
    }
}
