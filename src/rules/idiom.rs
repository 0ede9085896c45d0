//! Flags idioms that second-language readers often misread, with a literal phrasing.

use super::{ALL_PROFILES, Context, Locality, Rule, RuleMeta, Scope, phrase_findings};
use crate::finding::{Finding, Severity};
use crate::lexicon::List;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "idiom",
    summary: "Idioms second-language readers often misread, with a literal phrasing",
    severity: Severity::Info,
    doc_severity: None,
    profiles: ALL_PROFILES,
    optional_profiles: &[],
    weight: 2,
    scope: Scope::Text,
    reads_english: true,
    docs: r#"
## What it does
Flags idioms from the `idiom` lists (`rules/idioms.toml` and your own rule files):
"ballpark figure", "get our ducks in a row", "out of pocket", "on the same page",
"piece of cake", "ping me", "OOO".

## Why
Async teams span languages. An idiom is read word by word by someone working in
their second or third language, and "out of pocket" means opposite things in
different places. Each entry offers a literal phrasing as a fix.

## What counts
Whole-word matches in the writer's prose, ignoring case (abbreviations such as "OOO"
match only in capitals). Terms in the config's `glossary` are never flagged."#,
    options: &[],
    example_config: None,
    flagged: &["Can you give me a ballpark figure by Friday?", "I'll be OOO until Monday."],
    fine: &["Can you give me a rough estimate by Friday?", "I'll be out of the office until Monday."],
};

/// See [`META`].
pub struct Idiom;

impl Rule for Idiom {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        phrase_findings(cx, List::Idiom, |text| format!("“{text}” is an idiom readers may take literally"))
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
    fn flags_idiom() {
        assert_flags(&Idiom, "Let's [[get our ducks in a row]] before the launch.");
    }

    #[test]
    fn ooo_only_in_capitals() {
        assert_flags(&Idiom, "I'm [[OOO]] tomorrow.");
        assert_clean(&Idiom, "Say ooo and aah.");
    }

    #[test]
    fn no_phrase_runs_across_inline_code() {
        // The Rust book and RFC 2175 (../shared/corpus): with the code blanked, these read
        // "in the loop".
        for text in [
            "We left a comment in the `for` loop in Listing 21-18.",
            "You can insert or remove items in the `for`\nloop bodies in one pass.",
            "then the only thing that changes is that `PAT` may include `|` at the top level\nin the `for` loop and \
             the desugaring as per the section on grammar.",
        ] {
            assert_clean_in(&Idiom, crate::Profile::Doc, crate::FileKind::Markdown, text);
        }
        assert_flags_in(&Idiom, crate::Profile::Doc, crate::FileKind::Markdown, "[[Keep me in the loop]] on `for`.");
    }

    #[test]
    fn literal_phrasing_is_fine() {
        assert_clean(&Idiom, "We agree on the plan.");
    }
}
