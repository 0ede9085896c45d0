//! Flags status updates that lack what was done, what is next, or blockers.

use super::{Context, Rule, RuleMeta, Scope};
use crate::Profile;
use crate::finding::{Finding, Fix, Severity};
use crate::language::acts::Act;
use crate::span::Span;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "standup-format",
    summary: "A status update lacks what was done, what is next, or blockers",
    severity: Severity::Warning,
    doc_severity: None,
    profiles: &[Profile::Standup],
    optional_profiles: &[],
    weight: 8,
    scope: Scope::Message,
    reads_english: true,
    docs: r#"
## What it does
In the `standup` profile, checks that a status update says what was done, what is next,
and whether anything blocks. One finding per missing part.

## Why
Teammates read updates to answer three questions: what moved, what will move, and
where they can help. An update that skips one makes them ask, a day later.

## What counts
Each sentence is read twice: by plainly's act model, trained on labeled status updates
(`plainly analyze` shows its `done`, `next`, `blocker` and `no-blockers` scores), and by
the hand reading: the `standup-done`, `standup-next` and `standup-blockers` word lists
and any blocker statement. A part counts as there when either reader finds that some
sentence may hold it:

- done: work finished or reported ("Finished the export fix", "Yesterday: merged #42",
  a list of what was done under a "Done" or "Last week" label);
- next: work planned or under way ("Today I'll add retries", "Next: the importer",
  "Working on the retry logic");
- blockers: a blocker ("Blocked on the staging credentials", "Stuck on the flaky CI
  job") or saying there is none ("No blockers", "Blockers: none").

A part is reported missing only when no sentence may hold it: a user forgives a missed
finding sooner than a wrong one. The findings point at the first sentence; the blockers
finding offers to add "Blockers: none.""#,
    options: &[],
    example_config: None,
    flagged: &["Finished the export fix and merged it."],
    fine: &["Done: merged the export fix.\nNext: the retry logic.\nBlockers: none."],
};

/// See [`META`].
pub struct StandupFormat;

impl Rule for StandupFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let doc = cx.doc;
        let Some(first) = doc.sentences.first() else { return Vec::new() };
        let acts = cx.acts();
        let mut findings = Vec::new();
        if !acts.may_have(Act::Done) {
            findings.push(Finding::new(
                first.span,
                "This update doesn't say what was done: add a “Done:” line (“Done: merged the export fix”).",
            ));
        }
        if !acts.may_have(Act::Next) {
            findings.push(Finding::new(
                first.span,
                "This update doesn't say what is next: add a “Next:” line (“Next: the retry logic”).",
            ));
        }
        if !acts.may_have(Act::Blocker) && !acts.may_have(Act::NoBlockers) {
            let end = doc.source.trim_end().len();
            let fix = Fix {
                title: "Add “Blockers: none.”".into(),
                ..Fix::replace(Span::empty(end), "\n\nBlockers: none.")
            };
            findings.push(
                Finding::new(
                    first.span,
                    "This update doesn't say whether anything blocks you: add a “Blockers:” line, even “Blockers: none”.",
                )
                .with_fix(fix),
            );
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn flags_each_missing_part() {
        // A sentence about no work at all. ("The export code is tricky." and "Our team
        // lunch is on the fifth floor." were here: a statement about the team may report
        // work or a blocker, and the model, retrained, let one of them be possible. A part
        // is only missing where no sentence may hold it: precision first.)
        assert_eq!(messages(&StandupFormat, "The office plants look lovely.").len(), 3);
        assert_eq!(messages(&StandupFormat, "Finished the export fix. Next: retries.").len(), 1);
    }

    #[test]
    fn complete_update_is_fine() {
        assert_clean(&StandupFormat, "Yesterday: finished the export fix.\nToday: retries.\nNo blockers.");
        assert_clean(&StandupFormat, "Done: export fix. Working on: retries. Stuck on the flaky CI job.");
    }
}
