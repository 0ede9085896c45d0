//! The incremental re-check gives exactly what a full check gives, after every edit of a
//! random edit sequence: insertions, deletions and replacements of real sentences,
//! Markdown markup and random characters, within paragraphs and across their boundaries,
//! in code fences, HTML comments, lists, quotes and front matter.

use std::sync::Arc;

use plainly::engine::incremental::Incremental;
use plainly::{FileKind, Profile, Settings};
use proptest::prelude::*;

/// Pieces documents are built from: whole blocks of real Markdown.
const BLOCKS: &[&str] = &[
    "Can you review the rollout plan by Friday?\n\n",
    "We should circle back on this ASAP, I think maybe next week.\n\n",
    "# Release notes\n\n",
    "Setup\n=====\n\n",
    "- Ship the API on 3 March.\n- Fix the login bug.\n\n",
    "1. First, leverage the synergy.\n\n   Still the first item.\n\n",
    "> Quoted: please send the deck by 3pm.\n\n",
    "```rust\nfn main() {}\n\nlet x = 1;\n```\n\n",
    "~~~\nunclosed code\n\n",
    "<!-- plainly-disable-next-line jargon -->\nWe must leverage synergy.\n\n",
    "<!--\nA comment\n\nover blank lines\n-->\n\n",
    "| Name | Value |\n| --- | --- |\n| SLA | 99.9% at 5pm UTC |\n\n",
    "The SLA applies. The SLA (service level agreement) is long.\n\n",
    "See [the docs](https://example.com) and https://example.org/x for the KPI.\n\n",
    "Read [the guide][guide] first.\n\n[guide]: https://example.com/guide\n\n",
    "A footnote[^1] here.\n\n[^1]: The note.\n\n",
    "    indented code\n\n",
    "<div>\nhtml block\n</div>\n\n",
    "Deploy at 14:00 tomorrow 😀 — the café’s “résumé” is done.\r\n\r\n",
    "This sentence goes on and on with clause after clause, because the writer wants to say everything at once, and then adds one more thing, and another, and yet another.\n\n",
    // Phrases whose context rules read the words before or after them, at section cuts:
    // flat prose joins paragraphs with one space, so "It is" ends one and "kind of" may
    // start the next.
    "We will circle\n\n",
    "back on it. It is\n\n",
    "kind of done, a ballpark\n\n",
    "park estimate; it is sort of\n\n",
    "like that.\n\n",
    // What rules read around a word, at section cuts: an acronym's definition, a run of
    // shouting, the word after an ordinal, a timestamp's date, a plural of an acronym
    // used in another section, a zone after a time.
    "The PRD ships; SIGS meet on the 4th\n\n",
    "Paragraph two (product requirements document) by the SIG.\n\n",
    "PRD stands for\n\n",
    "CLOSING WILL\n\n",
    "OCCUR SOON, said the KPI owner at 11/28/2000\n\n",
    "noon sharp, and 10am\n\n",
    "PT works. Can you send it by last\n\n",
    "Friday at 3pm? Please reply.\n\n",
    // A section whose prose starts blanked: its white space runs on from the last section's.
    "https://example.com/x is where a little bit\n\n",
    "www.example.com <b>and</b> more\n\n",
];

/// What edits insert: markup that opens and closes blocks, line breaks and sentences.
const INSERTS: &[&str] = &[
    "\n",
    "\n\n",
    " ",
    "x",
    "A",
    "```",
    "```\n",
    "~~~",
    "---\n",
    "+++\n",
    "<!--",
    "-->",
    "- ",
    "> ",
    "    ",
    "#",
    "[x]: /y\n",
    "[x]",
    "`",
    "*",
    "é",
    "😀",
    "\r\n",
    "\t",
    "ASAP",
    "PRD",
    "SIGS ",
    "the 4th",
    "10am ",
    "circle back",
    "kind of",
    "It is ",
    "Please reply by Friday. ",
    "\n\nNew paragraph here.\n\n",
    "<div>",
    "|",
    "1. ",
    "]:",
];

#[derive(Clone, Debug)]
enum Edit {
    Insert { at: usize, text: String },
    Delete { at: usize, len: usize },
    Replace { at: usize, len: usize, text: String },
}

fn insert_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(INSERTS).prop_map(str::to_owned),
        1 => prop::sample::select(BLOCKS).prop_map(str::to_owned),
        1 => "[a-z .,\n#>*`-]{1,6}",
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    // Positions are fractions of the text's length, resolved when the edit is applied.
    let at = any::<u16>().prop_map(usize::from);
    prop_oneof![
        3 => (at.clone(), insert_text()).prop_map(|(at, text)| Edit::Insert { at, text }),
        2 => (at.clone(), 1usize..40).prop_map(|(at, len)| Edit::Delete { at, len }),
        2 => (at, 1usize..20, insert_text()).prop_map(|(at, len, text)| Edit::Replace { at, len, text }),
    ]
}

/// The character boundary nearest below `at` scaled into `text`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at * text.len() / usize::from(u16::MAX);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn end_of(text: &str, start: usize, len: usize) -> usize {
    let mut end = (start + len).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    end
}

fn apply(text: &mut String, edit: &Edit) {
    match edit {
        Edit::Insert { at, text: new } => {
            let at = boundary(text, *at);
            text.insert_str(at, new);
        }
        Edit::Delete { at, len } => {
            let start = boundary(text, *at);
            let end = end_of(text, start, *len);
            text.replace_range(start..end, "");
        }
        Edit::Replace { at, len, text: new } => {
            let start = boundary(text, *at);
            let end = end_of(text, start, *len);
            text.replace_range(start..end, new);
        }
    }
}

fn document() -> impl Strategy<Value = String> {
    let front_matter = prop_oneof![Just(""), Just("---\ntitle: Plan\n\nprofile: doc\n---\n\n"), Just("\u{feff}")];
    (front_matter, prop::collection::vec(prop::sample::select(BLOCKS), 1..12))
        .prop_map(|(front, blocks)| format!("{front}{}", blocks.concat()))
}

/// The settings a check runs with: the defaults, or a team whose writer is in Berlin (the
/// time-zone rule then suggests a zone, read against the time's date).
fn settings(team: bool) -> Arc<Settings> {
    if !team {
        return Arc::new(Settings::default());
    }
    let config = "[team]\ntimezone = \"Europe/Berlin\"\nzones = [\"America/Los_Angeles\"]\n";
    Arc::new(Settings::parse(std::path::Path::new("plainly.toml"), config, plainly::rules::catalogue()).unwrap())
}

fn same_as_full_check(profile: Profile, team: bool, start: &str, edits: &[Edit]) -> Result<(), TestCaseError> {
    let settings = settings(team);
    let mut incremental = Incremental::default();
    let mut text = start.to_owned();
    let checked = incremental.check(&text, FileKind::Markdown, profile, &settings);
    prop_assert_eq!(checked, plainly::check(&text, FileKind::Markdown, profile, &settings), "opening {:?}", text);
    for edit in edits {
        apply(&mut text, edit);
        let checked = incremental.check(&text, FileKind::Markdown, profile, &settings);
        let full = plainly::check(&text, FileKind::Markdown, profile, &settings);
        prop_assert_eq!(checked, full, "after {:?}: {:?}", edit, text);
    }
    Ok(())
}

/// 150 cases each unless `PROPTEST_CASES` asks for more (run 2,000 before changing the
/// incremental re-check).
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok());
    ProptestConfig::with_cases(cases.unwrap_or(150))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn doc_profile_matches_a_full_check_after_every_edit(
        start in document(),
        edits in prop::collection::vec(edit(), 1..25),
        team in any::<bool>(),
    ) {
        same_as_full_check(Profile::Doc, team, &start, &edits)?;
    }

    #[test]
    fn message_profile_matches_a_full_check_after_every_edit(
        start in document(),
        edits in prop::collection::vec(edit(), 1..12),
        team in any::<bool>(),
    ) {
        same_as_full_check(Profile::Message, team, &start, &edits)?;
    }
}

/// A phrase's context rules read a few words past its paragraph ("ballpark" is no idiom
/// before "park"): an edit in the next section changes what an unchanged section finds.
#[test]
fn a_section_is_checked_again_when_its_phrase_matches_change() {
    let settings = settings(false);
    let mut incremental = Incremental::default();
    for text in [
        "We need a ballpark\n\npark figure for it.\n",
        "We need a ballpark\n\npork figure for it.\n",
        "We need a ballpark\n\npark figure for it.\n",
    ] {
        let checked = incremental.check(text, FileKind::Markdown, Profile::Doc, &settings);
        assert_eq!(checked, plainly::check(text, FileKind::Markdown, Profile::Doc, &settings), "{text:?}");
    }
}

#[test]
fn a_new_profile_or_settings_is_a_fresh_check() {
    let text = "Can you review this ASAP?\n\nWe will circle back.\n";
    let mut incremental = Incremental::default();
    let defaults = Arc::new(Settings::default());
    for profile in [Profile::Doc, Profile::Message, Profile::Standup, Profile::Doc] {
        let checked = incremental.check(text, FileKind::Markdown, profile, &defaults);
        assert_eq!(checked, plainly::check(text, FileKind::Markdown, profile, &defaults));
    }
    let other = Arc::new(Settings::default());
    assert_eq!(
        incremental.check(text, FileKind::Markdown, Profile::Doc, &other),
        plainly::check(text, FileKind::Markdown, Profile::Doc, &other)
    );
}

#[test]
fn other_kinds_are_checked_whole() {
    let settings = Arc::new(Settings::default());
    let mut incremental = Incremental::default();
    for kind in [FileKind::Text, FileKind::Email, FileKind::Commit, FileKind::Markdown] {
        let text = "Subject: hi\n\nCan you send it ASAP?\n";
        assert_eq!(
            incremental.check(text, kind, Profile::Message, &settings),
            plainly::check(text, kind, Profile::Message, &settings)
        );
    }
}
