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
            match closest(id, &ids) {
                Some(near) => {
                    anyhow::bail!("unknown rule `{id}`; did you mean `{near}`? (`plainly rules` lists them all)")
                }
                None => anyhow::bail!("unknown rule `{id}`; rules are: {}", ids.join(", ")),
            }
        }
    }
}

/// The rule id nearest to what was typed: the same letters without the hyphens or case
/// ("nodeadline", "No_Deadline"), else within three edits ("no-dedline").
fn closest<'a>(typed: &str, ids: &[&'a str]) -> Option<&'a str> {
    let squeeze = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let typed = squeeze(typed);
    if let Some(id) = ids.iter().find(|id| squeeze(id) == typed) {
        return Some(id);
    }
    ids.iter()
        .map(|id| (edits(&typed, &squeeze(id)), *id))
        .filter(|(distance, _)| *distance <= 3)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, id)| id)
}

/// The Levenshtein distance between two short strings.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_near_miss_is_suggested() {
        let ids: Vec<&str> = rules::ALL.iter().map(|r| r.meta().id).collect();
        assert_eq!(closest("nodeadline", &ids), Some("no-deadline"));
        assert_eq!(closest("no-dedline", &ids), Some("no-deadline"));
        assert_eq!(closest("Missing_Ask", &ids), Some("missing-ask"));
        assert_eq!(closest("spelling", &ids), None);
    }
}
