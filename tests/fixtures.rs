//! Real text with expected findings, snapshotted (`tests/snapshots/`, `cargo insta review`).
//!
//! - `tests/fixtures/<rule-id>/` tests one rule: its files are checked with every other
//!   rule switched off ([`Settings::only`]), so a change to one rule changes only its own
//!   snapshots. A file named `flagged-*` must get at least one finding, a file named
//!   `fine-*` none, and every rule has a folder with at least one of each
//!   ([`every_rule_has_flagged_and_fine_fixtures`]).
//! - `tests/fixtures/regressions/` tests the whole pipeline: its files are checked with
//!   every rule, as `plainly check` would (`regressions/email/` holds the mail decoding
//!   fixtures that `src/document/email.rs` also reads with `include_str!`).
//!
//! Every file's kind and profile come from the resolver `plainly check` uses: front
//! matter, else the folder's `plainly.toml` (`[profiles]`), else the default for its kind
//! (a `.txt` or `.eml` is a message, a `.md` a doc); a folder's `plainly.toml` is loaded
//! for its files (`outside-core-hours/` has the `[team]` its rule needs). Times without a
//! date refer to [`TODAY`]. A folder name that is neither a rule id nor in
//! [`WHOLE_PIPELINE`] fails the test, so a misspelt folder cannot quietly test nothing.
//! Where each text comes from is listed in `tests/fixtures/SOURCES.md`.

use std::fmt::Write;
use std::path::Path;

use plainly::position::{Encoding, Positions};
use plainly::resolve::{Origin, Overrides, Resolver};
use plainly::rules::{ALL, by_id, catalogue};
use plainly::{Profile, Settings};

/// The folder all fixtures live in.
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Folders whose files are checked with every rule.
const WHOLE_PIPELINE: &[&str] = &["regressions"];

/// Files at the top of `tests/fixtures/` that are not fixtures.
const NOT_FIXTURES: &[&str] = &["SOURCES.md"];

/// The date that times without a date refer to (`[team]`), so that snapshots do not change
/// with the day the tests run: a Wednesday.
const TODAY: jiff::civil::Date = jiff::civil::date(2026, 11, 25);

/// What a fixture file tests.
enum Fixture {
    /// One rule, alone.
    Rule(&'static str),
    /// Every rule.
    WholePipeline,
}

/// What the file at `path` tests, or `None` when it is not a fixture (a file at the top
/// of `tests/fixtures/` listed in [`NOT_FIXTURES`]). Panics on a file in a folder that is
/// neither a rule id nor in [`WHOLE_PIPELINE`].
fn fixture(path: &Path) -> Option<Fixture> {
    let relative = path.strip_prefix(FIXTURES).expect("fixtures are under tests/fixtures");
    let mut parts = relative.iter();
    let first = parts.next().and_then(|p| p.to_str()).expect("a fixture has a UTF-8 name");
    if parts.next().is_none() {
        assert!(
            NOT_FIXTURES.contains(&first),
            "{}: a fixture belongs in a rule's folder or in regressions/",
            relative.display()
        );
        return None;
    }
    if WHOLE_PIPELINE.contains(&first) {
        return Some(Fixture::WholePipeline);
    }
    match by_id(first) {
        Some(rule) => Some(Fixture::Rule(rule.meta().id)),
        None => panic!(
            "{}: `{first}` is not a rule id (`plainly rules` lists them) nor one of {WHOLE_PIPELINE:?}",
            relative.display()
        ),
    }
}

/// The settings a fixture is checked with: its folder's `plainly.toml` if there is one,
/// with only `rule` on when it tests one rule.
fn settings(path: &Path, fixture: &Fixture) -> Settings {
    let config = path.parent().expect("a fixture is in a folder").join("plainly.toml");
    let mut settings = if config.exists() {
        Settings::load(&config, catalogue()).unwrap_or_else(|err| panic!("{err}"))
    } else {
        Settings::default()
    };
    if let Some(team) = settings.team.as_mut() {
        team.today = Some(TODAY);
    }
    match fixture {
        Fixture::Rule(id) => settings.only(id, catalogue()),
        Fixture::WholePipeline => settings,
    }
}

/// Checks the fixture at `path` with `settings`, of the kind and profile the resolver
/// gives it, as `plainly check` would.
fn check(path: &Path, source: &str, settings: &Settings) -> (Profile, plainly::Checked) {
    let config = path.parent().expect("a fixture is in a folder").join("plainly.toml");
    let mut resolver = if config.exists() {
        Resolver::with_config(catalogue(), Overrides::default(), &config).unwrap_or_else(|err| panic!("{err}"))
    } else {
        Resolver::new(catalogue(), Overrides::default())
    };
    let target = resolver.resolve(Origin::file(path)).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let profile = target.profile(source).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    (profile, plainly::check(source, target.kind, profile, settings))
}

fn render(source: &str, profile: Profile, checked: &plainly::Checked) -> String {
    let positions = Positions::new(source);
    let mut out = format!("profile: {} · score: {} · words: {}\n", profile, checked.score, checked.words);
    for finding in &checked.findings {
        let start = positions.position(source, finding.span.start, Encoding::Utf32);
        let end = positions.position(source, finding.span.end, Encoding::Utf32);
        let _ = writeln!(
            out,
            "\n{}:{}-{}:{} {} ({}): {}",
            start.line + 1,
            start.column + 1,
            end.line + 1,
            end.column + 1,
            finding.rule,
            finding.severity,
            finding.message
        );
        let _ = writeln!(out, "  > {}", finding.span.slice(source).replace('\n', "\n  > "));
        for fix in &finding.fixes {
            let _ = writeln!(out, "  fix: {} [{:?}]", fix.title, fix.span.slice(source));
        }
    }
    out
}

#[test]
fn fixtures() {
    insta::glob!("fixtures/**/*.{md,txt,eml}", |path| {
        let Some(fixture) = fixture(path) else { return };
        let source = std::fs::read_to_string(path).unwrap();
        let settings = settings(path, &fixture);
        let (profile, checked) = check(path, &source, &settings);
        insta::assert_snapshot!(render(&source, profile, &checked));
    });
}

/// Whether a rule fixture's name says it is flagged (`flagged-*`) or fine (`fine-*`).
fn expects_findings(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    if name.starts_with("flagged-") {
        true
    } else if name.starts_with("fine-") {
        false
    } else {
        panic!("{}: a rule's fixture is named `flagged-*` or `fine-*`", path.display())
    }
}

#[test]
fn every_rule_has_flagged_and_fine_fixtures() {
    let mut problems = Vec::new();
    for rule in ALL {
        let id = rule.meta().id;
        let dir = Path::new(FIXTURES).join(id);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            problems.push(format!("{id}: no folder tests/fixtures/{id}/"));
            continue;
        };
        let mut paths: Vec<_> = entries.map(|entry| entry.unwrap().path()).collect();
        paths.sort();
        let (mut flagged, mut fine) = (0, 0);
        for path in paths {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let is_text = matches!(path.extension().and_then(|e| e.to_str()), Some("md" | "txt" | "eml"));
            if name == "plainly.toml" || name.starts_with('.') {
                continue;
            }
            assert!(is_text, "{}: not a fixture (.md, .txt or .eml) nor plainly.toml", path.display());
            let fixture = Fixture::Rule(id);
            let source = std::fs::read_to_string(&path).unwrap();
            let (_, checked) = check(&path, &source, &settings(&path, &fixture));
            let found = checked.findings.iter().filter(|f| f.rule == id).count();
            match (expects_findings(&path), found) {
                (true, 0) => problems.push(format!("{id}/{name}: named flagged, but {id} finds nothing")),
                (false, n) if n > 0 => problems.push(format!("{id}/{name}: named fine, but {id} finds {n}")),
                (true, _) => flagged += 1,
                (false, _) => fine += 1,
            }
        }
        if flagged == 0 {
            problems.push(format!("{id}: no flagged fixture (flagged-*)"));
        }
        if fine == 0 {
            problems.push(format!("{id}: no fine fixture (fine-*)"));
        }
    }
    assert!(problems.is_empty(), "rule fixtures:\n{}", problems.join("\n"));
}
