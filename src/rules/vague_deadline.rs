//! Flags vague time words ("ASAP", "soon") that no concrete time in the sentence pins down.

use super::{ALL_PROFILES, Context, Locality, Rule, RuleMeta, Scope, replacement_fix};
use crate::Profile;
use crate::finding::{Finding, Severity};
use crate::lexicon::List;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "vague-deadline",
    summary: "A vague time (\"ASAP\", \"soon\") with no concrete time in the same sentence",
    severity: Severity::Warning,
    doc_severity: Some(Severity::Info),
    profiles: ALL_PROFILES,
    optional_profiles: &[],
    weight: 8,
    scope: Scope::Text,
    reads_english: true,
    docs: r#"
## What it does
Flags vague time words from the `vague-time` list ("ASAP", "as soon as possible", "at
your earliest convenience", "soon", "soonish", "shortly", "at some point", "in a
bit", "in the near future", "down the road", "in due course", "when you get a chance")
when they time an action someone must take, including the writer's own promises ("I'll
send it soon"). A clause that sets the time by when someone is free is read as one too,
in any person and tense: "if you have time", "when I get a chance", "as soon as I get
the time", "when we find a moment" (not "do you know if we have time…", which asks
about it).

## Why
"ASAP" means "now" to one reader and "this month" to another, and a reader in another
time zone cannot ask which before their day is over. A date, a day or a time lets them
plan; a vague word makes them guess.

## What counts
A vague word is a deadline only in a sentence that asks the reader for something
("Can you review this ASAP?"), proposes ("We should fix the flaky test at some
point"), or commits the writer ("I'll send the numbers soon"), or after a verb of the
future or of obligation ("The team will ship a fix soon", "This needs to land ASAP").
Not flagged:

- narration: "I don't think I've seen much activity on it in a while";
- how a system behaves: "Clients are notified as soon as possible when a lease expires";
- a hope about an event, "hopefully" with neither the writer nor the reader in its clause:
  "It will hopefully migrate very soon" (but "hopefully we'll get a release out soon" times
  the writer's work, and is flagged);
- sign-offs and conditions: "Talk to you soon", "Looking forward to hearing from you soon"
  (a verb of getting in touch with the reader as its object), "As soon as the build is
  green, I'll merge";
- words in quotation marks, which are someone else's;
- a sentence that also gives a concrete time: a date, a weekday, a relative day
  ("today", "EOD", "next week"), a clock time, a duration or an event ("ASAP, by
  Fri 15:00 UTC at the latest").

## In docs
In the `doc` profile findings are `info`, so they never fail a docs build at the default
`--fail-on warning`. Documentation mostly uses these words to describe ("as we'll see
shortly" still reads as a promise and is pointed at, quietly); set `vague-deadline =
"warning"` to fail docs on them, or `"off"` to drop them."#,
    options: &[],
    example_config: None,
    flagged: &[
        "Can you review this ASAP?",
        "I'll send the numbers soon.",
        "We should fix the flaky test at some point.",
    ],
    fine: &[
        "ASAP, by Fri 15:00 UTC at the latest.",
        "Talk soon!",
        "I'll merge as soon as CI is green.",
        "Clients are notified as soon as possible when a lease expires.",
        "I don't think I've seen much activity on it in a while.",
    ],
};

/// See [`META`].
pub struct VagueDeadline;

impl Rule for VagueDeadline {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let entries = cx.lexicon().entries(List::VagueTime);
        // Documentation is not a message: the act model, trained on messages, does not
        // read it, and the hand reading decides there (section by section).
        let vague = if cx.profile == Profile::Doc { &cx.times().vague } else { &cx.acts().vague_times };
        vague
            .iter()
            .map(|m| {
                let text = cx.doc.text_of(m.span);
                let message = format!(
                    "“{text}” is not a time: say when, with a day or date and a time zone (“by Fri 15:00 UTC”)."
                );
                let fixes = entries[m.entry].instead.iter().map(|alt| replacement_fix(cx.doc.source, m.span, alt));
                Finding { fixes: fixes.collect(), ..Finding::new(m.span, message) }
            })
            .collect()
    }

    fn locality(&self) -> Locality {
        // A vague time word is pinned down, or times an action, within its own sentence.
        Locality::Section
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn flags_asap() {
        assert_flags(&VagueDeadline, "Can you review this [[ASAP]]?");
    }

    #[test]
    fn concrete_time_in_same_sentence_wins() {
        assert_clean(&VagueDeadline, "ASAP, by Fri 15:00 UTC at the latest.");
        assert_clean(&VagueDeadline, "Please send it soon, ideally today.");
    }

    #[test]
    fn concrete_time_in_another_sentence_does_not_help() {
        assert_flags(&VagueDeadline, "The release is on Friday. Please fix it [[as soon as possible]].");
    }

    #[test]
    fn writers_own_promise_is_flagged() {
        assert_flags(&VagueDeadline, "I will look at cutting a release [[very soon]].");
    }

    #[test]
    fn sign_offs_and_conditions_are_fine() {
        assert_clean(&VagueDeadline, "Thanks, talk to you soon.");
        assert_clean(&VagueDeadline, "As soon as we have the dates, we'll let you know.");
        assert_clean(&VagueDeadline, "Shortly after the release we saw errors.");
    }

    #[test]
    fn only_a_time_for_an_action_is_a_deadline() {
        // An ask, a proposal, the writer's promise, a future or an obligation.
        assert_flags(&VagueDeadline, "We should fix the flaky test [[at some point]].");
        assert_flags(&VagueDeadline, "The team will ship a fix [[soon]].");
        assert_flags(&VagueDeadline, "This needs to land [[ASAP]].");
        // Past narration (messages-2 021), how a system behaves (the corpus), a question
        // about the past (the treebank).
        assert_clean(
            &VagueDeadline,
            "Eddie is an owner, though I don't think I've seen much activity from him in a while, so it may be in need \
             of a new maintainer?",
        );
        assert_clean(&VagueDeadline, "Clients are notified as soon as possible when a lease expires.");
        assert_clean(&VagueDeadline, "We met shortly before the holidays.");
    }

    #[test]
    fn a_hope_about_an_event_is_no_deadline() {
        // data/messages lg2-042, bb4-059 and ml5-025 (mailing lists and a status report),
        // labeled with no vague deadline: the spec's "a hope about an event".
        assert_clean(&VagueDeadline, "It will hopefully migrate very soon.");
        assert_clean(
            &VagueDeadline,
            "Hopefully these will turn into some full and more interesting posts in the near future.",
        );
        assert_clean(&VagueDeadline, "The former was fixed, so it should hopefully be able to migrate soon enough.");
        // A hope that names who acts still times their action (data/messages tm-033).
        assert_flags(&VagueDeadline, "I'm picking up this, and hopefully we'll get a new release out [[soon]].");
        assert_flags(&VagueDeadline, "Hopefully you will send the numbers [[soon]].");
    }

    #[test]
    fn a_time_set_by_when_someone_is_free_is_vague() {
        // Real messages of data/messages (ra-068, tm-034) and the spec's hard case.
        assert_flags(&VagueDeadline, "Could you look in to this [[if you have time]]?");
        assert_flags(&VagueDeadline, "I'll respond [[when I have some time]] for it.");
        assert_flags(&VagueDeadline, "I'll clean this up [[down the road]].");
        assert_clean(&VagueDeadline, "Do you know if we have time for a demo?");
        assert_clean(&VagueDeadline, "I look forward to hearing from you soon!");
    }

    #[test]
    fn flags_in_docs_too() {
        assert_flags_in(
            &VagueDeadline,
            crate::Profile::Doc,
            crate::FileKind::Markdown,
            "We will add Windows support [[soon]].",
        );
    }

    #[test]
    fn in_docs_it_is_info_and_does_not_fail_a_build() {
        let settings = crate::Settings::default();
        let narration = "As we'll see shortly, the counter will reach 5 at some point.";
        let checked = crate::check(narration, crate::FileKind::Markdown, crate::Profile::Doc, &settings);
        let severities: Vec<_> = checked.findings.iter().filter(|f| f.rule == META.id).map(|f| f.severity).collect();
        assert_eq!(severities, [Severity::Info, Severity::Info]);
        let checked = crate::check("Ship it ASAP.", crate::FileKind::Text, crate::Profile::Message, &settings);
        assert_eq!(checked.findings[0].severity, Severity::Warning);
    }
}
