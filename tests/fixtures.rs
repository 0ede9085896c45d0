//! Real text with expected findings: every file under `tests/fixtures/` is checked as
//! `plainly check` would (profile from front matter, else the default for its kind) and
//! the annotated result is snapshotted (`tests/snapshots/`, `cargo insta review`).

use std::fmt::Write;

use plainly::Profile;
use plainly::position::{Encoding, Positions};
use plainly::resolve::front_matter_profile;
use plainly::{FileKind, Settings};

fn render(source: &str, kind: FileKind) -> String {
    let profile = front_matter_profile(source, kind).unwrap().unwrap_or(Profile::default_for(kind));
    let checked = plainly::check(source, kind, profile, &Settings::default());
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
        let source = std::fs::read_to_string(path).unwrap();
        let kind = FileKind::for_named_file(path);
        insta::assert_snapshot!(render(&source, kind));
    });
}
