//! The clarity score: 100 minus each finding's rule weight, never below 0.
//!
//! Weights live in each rule's metadata (`plainly explain RULE` shows them), so the
//! score is a pure function of the findings: deterministic, 100 exactly when there are
//! no findings, and lower for every finding until it reaches 0.

use crate::finding::Finding;
use crate::rules;

/// The score of a message with these findings.
pub fn score(findings: &[Finding]) -> u8 {
    let penalty: u32 = findings.iter().map(|f| u32::from(weight(f.rule))).sum();
    let score = 100u32.saturating_sub(penalty);
    // Every finding costs at least one point, so only a clean message scores 100.
    if findings.is_empty() { 100 } else { score.min(99) as u8 }
}

/// The weight of the rule with this id (1 for an unknown id, which cannot happen).
pub fn weight(rule: &str) -> u8 {
    rules::by_id(rule).map_or(1, |r| r.meta().weight)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn finding(rule: &'static str) -> Finding {
        Finding { rule, ..Finding::new(Span::default(), "") }
    }

    #[test]
    fn clean_is_100() {
        assert_eq!(score(&[]), 100);
    }

    #[test]
    fn weights_add_up_and_floor_at_zero() {
        assert_eq!(score(&[finding("missing-ask"), finding("jargon")]), 100 - 15 - 2);
        assert_eq!(score(&vec![finding("bare-greeting"); 9]), 0);
    }
}
