//! Test helpers for rules: `[[…]]` in a test text marks the exact spans a rule must report.

use super::{Context, Rule};
use crate::Profile;
use crate::config::Settings;
use crate::document::{Document, ParseOptions};
use crate::finding::Finding;
use crate::input::FileKind;
use crate::span::Span;

/// Settings read from `config` (a `plainly.toml` with a `[team]` table), with the team's
/// "today" fixed at Wed 2026-11-25 so dates and DST labels do not move with the clock.
pub(crate) fn team_settings(config: &str) -> Settings {
    let mut settings = Settings::parse(std::path::Path::new("plainly.toml"), config, crate::rules::catalogue())
        .expect("a valid test config");
    settings.team.as_mut().expect("a [team] table").today = Some(jiff::civil::date(2026, 11, 25));
    settings
}

/// Runs one rule on `text` as `kind` in `profile`, with default settings.
pub(crate) fn run(rule: &dyn Rule, profile: Profile, kind: FileKind, text: &str) -> Vec<Finding> {
    run_with(rule, &Settings::default(), profile, kind, text)
}

/// Runs one rule on `text` as `kind` in `profile`, with these settings.
pub(crate) fn run_with(
    rule: &dyn Rule,
    settings: &Settings,
    profile: Profile,
    kind: FileKind,
    text: &str,
) -> Vec<Finding> {
    let options = ParseOptions { skip_quotes: profile != Profile::Doc || kind != FileKind::Markdown };
    let doc = Document::parse(text, kind, options);
    let cx = Context::new(&doc, settings, profile);
    rule.check(&cx)
}

/// Splits `[[…]]` markers out of a test text.
pub(crate) fn unmark(marked: &str) -> (String, Vec<Span>) {
    let mut text = String::with_capacity(marked.len());
    let mut spans = Vec::new();
    let mut open = None;
    let mut rest = marked;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("[[") {
            open = Some(text.len());
            rest = after;
        } else if let Some(after) = rest.strip_prefix("]]") {
            let start = open.take().expect("`]]` without `[[`");
            spans.push(Span::new(start, text.len()));
            rest = after;
        } else {
            let c = rest.chars().next().expect("not empty");
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    (text, spans)
}

/// The rule reports exactly the marked spans, as plain text in the rule's first profile.
#[track_caller]
pub(crate) fn assert_flags(rule: &dyn Rule, marked: &str) {
    assert_flags_in(rule, rule.meta().profiles[0], FileKind::Text, marked);
}

/// The rule reports exactly the marked spans.
#[track_caller]
pub(crate) fn assert_flags_in(rule: &dyn Rule, profile: Profile, kind: FileKind, marked: &str) {
    let (text, expected) = unmark(marked);
    assert!(!expected.is_empty(), "mark the expected span with [[…]]");
    let mut found: Vec<Span> = run(rule, profile, kind, &text).iter().map(|f| f.span).collect();
    found.sort_unstable();
    let show = |spans: &[Span]| spans.iter().map(|s| format!("{:?}", s.slice(&text))).collect::<Vec<_>>();
    assert_eq!(show(&found), show(&expected), "in {text:?}");
}

/// The rule reports nothing, as plain text in the rule's first profile.
#[track_caller]
pub(crate) fn assert_clean(rule: &dyn Rule, text: &str) {
    assert_clean_in(rule, rule.meta().profiles[0], FileKind::Text, text);
}

/// The rule reports nothing.
#[track_caller]
pub(crate) fn assert_clean_in(rule: &dyn Rule, profile: Profile, kind: FileKind, text: &str) {
    let found = run(rule, profile, kind, text);
    let spans: Vec<&str> = found.iter().map(|f| f.span.slice(text)).collect();
    assert!(found.is_empty(), "expected nothing in {text:?}, got {spans:?}: {:?}", found.first().map(|f| &f.message));
}

/// The messages of the rule's findings.
pub(crate) fn messages(rule: &dyn Rule, text: &str) -> Vec<String> {
    run(rule, rule.meta().profiles[0], FileKind::Text, text).into_iter().map(|f| f.message).collect()
}
