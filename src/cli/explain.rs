//! `plainly explain RULE`.

use super::{ExitStatus, write_stdout};
use crate::rules;

pub(super) fn run(id: &str) -> anyhow::Result<ExitStatus> {
    match rules::by_id(id) {
        Some(rule) => {
            write_stdout(&crate::docs::explain(rule.meta()))?;
            Ok(ExitStatus::Clean)
        }
        None => {
            let ids: Vec<&str> = rules::ALL.iter().map(|r| r.meta().id).collect();
            anyhow::bail!("unknown rule `{id}`; rules are: {}", ids.join(", "))
        }
    }
}
