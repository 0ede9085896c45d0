//! The registry tests itself: ids, order, documentation, and every example.

use super::*;
use crate::input::FileKind;

#[test]
fn ids_are_unique_sorted_kebab_case_and_match_file_names() {
    let ids: Vec<&str> = ALL.iter().map(|r| r.meta().id).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(ids, sorted, "ALL must be sorted by id, without duplicates");
    for id in &ids {
        assert!(id.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{id} is not kebab-case");
        let file = format!("{}/src/rules/{}.rs", env!("CARGO_MANIFEST_DIR"), id.replace('-', "_"));
        assert!(std::path::Path::new(&file).exists(), "{id} has no file {file}");
    }
}

#[test]
fn every_rule_file_is_registered() {
    let dir = format!("{}/src/rules", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(stem) = name.strip_suffix(".rs") else { continue };
        // Not rules: the registry, its tests and helpers, and the fitting of alternatives.
        if ["mod", "tests", "testing", "wording"].contains(&stem) {
            continue;
        }
        assert!(by_id(&stem.replace('_', "-")).is_some(), "src/rules/{name} is not in ALL");
    }
}

#[test]
fn every_rule_is_documented() {
    for rule in ALL {
        let meta = rule.meta();
        assert!(!meta.summary.is_empty() && !meta.summary.ends_with('.'), "{}: summary", meta.id);
        for heading in ["## What it does", "## Why", "## What counts"] {
            assert!(meta.docs.contains(heading), "{} docs lack {heading}", meta.id);
        }
        assert!(!meta.flagged.is_empty() && !meta.fine.is_empty(), "{} needs examples", meta.id);
        assert!(!meta.profiles.is_empty() && meta.weight > 0, "{}", meta.id);
        for option in meta.options {
            assert!(
                meta.docs.contains(&format!("`{}`", option.name)),
                "{} docs do not mention `{}`",
                meta.id,
                option.name
            );
        }
    }
}

#[test]
fn examples_are_tests() {
    for rule in ALL {
        let meta = rule.meta();
        let profile = meta.profiles[0];
        let settings = match meta.example_config {
            Some(config) => {
                crate::config::Settings::parse(std::path::Path::new("plainly.toml"), config, crate::rules::catalogue())
                    .unwrap()
            }
            None => crate::config::Settings::default(),
        };
        let run =
            |rule: &dyn Rule, profile, kind, text: &str| super::testing::run_with(rule, &settings, profile, kind, text);
        for example in meta.flagged {
            let found = run(*rule, profile, FileKind::Text, example);
            assert!(!found.is_empty(), "{}: flagged example not flagged: {example:?}", meta.id);
        }
        for example in meta.fine {
            let found = run(*rule, profile, FileKind::Text, example);
            assert!(found.is_empty(), "{}: fine example flagged: {example:?} -> {:?}", meta.id, found[0].message);
        }
    }
}

/// Every fix the phrase rules offer, applied to each entry's own flagged examples: the
/// snapshot is read by a person, who checks that each line reads as English (an
/// alternative in the matched form, with a fitting pronoun).
#[test]
fn replacements_applied_to_their_examples_read_as_english() {
    use crate::lexicon::{LexiconSource, List};
    let lexicon = LexiconSource::Builtin;
    let settings = crate::config::Settings::default();
    let mut out = String::new();
    let rules: [(&dyn Rule, List); 4] = [
        (&jargon::Jargon, List::Jargon),
        (&idiom::Idiom, List::Idiom),
        (&hedge::Hedge, List::Hedge),
        (&undefined_acronym::UndefinedAcronym, List::Acronym),
    ];
    for (rule, list) in rules {
        for entry in lexicon.entries(list) {
            for example in &entry.flagged {
                let findings = super::testing::run_with(rule, &settings, Profile::Message, FileKind::Text, example);
                for finding in findings.iter().filter(|f| !f.fixes.is_empty()) {
                    for fix in &finding.fixes {
                        let fixed =
                            format!("{}{}{}", &example[..fix.span.start], fix.replacement, &example[fix.span.end..]);
                        out.push_str(&format!("{}: {example}\n    → {fixed}\n", rule.meta().id));
                    }
                }
            }
        }
    }
    insta::assert_snapshot!(out);
}
