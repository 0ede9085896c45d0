//! Runs the engine over the whole shared corpus (`../shared/corpus`, when present):
//! no panics, and every finding and fix range lies inside its file on character
//! boundaries, in every profile.

use std::path::{Path, PathBuf};

use plainly::input::{self, DEFAULT_MAX_FILE_BYTES};
use plainly::output::FileReport;
use plainly::{FileKind, Profile, Settings, Span};
use rayon::prelude::*;

use crate::skip;

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    dir.is_dir().then_some(dir)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = ignore::WalkBuilder::new(dir)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(|e| e.into_path())
        .filter(|p| FileKind::from_path(p).is_some())
        .collect();
    files.sort();
    files
}

fn valid(source: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= source.len()
        && source.is_char_boundary(span.start)
        && source.is_char_boundary(span.end)
}

#[test]
fn whole_corpus_checks_cleanly_in_every_profile() {
    let Some(dir) = corpus() else {
        skip::because("../shared/corpus not found beside the clone");
        return;
    };
    let files = files(&dir);
    assert!(files.len() > 3000, "expected the 3,405-file corpus, found {}", files.len());
    let settings = Settings::default();
    let problems: Vec<String> = files
        .par_iter()
        .enumerate()
        .flat_map_iter(|(index, path)| {
            let bytes = std::fs::read(path).unwrap();
            let Ok(source) = input::decode(&bytes, DEFAULT_MAX_FILE_BYTES) else {
                return Vec::new();
            };
            let kind = FileKind::for_named_file(path);
            // Every file as documentation; every fifth also as a message and a status update.
            let profiles: &[Profile] =
                if index % 5 == 0 { &[Profile::Doc, Profile::Message, Profile::Standup] } else { &[Profile::Doc] };
            let mut problems = Vec::new();
            for &profile in profiles {
                let checked = plainly::check(source, kind, profile, &settings);
                for finding in &checked.findings {
                    if !valid(source, finding.span) || !finding.fixes.iter().all(|f| valid(source, f.span)) {
                        problems.push(format!("{}: {} at {:?}", path.display(), finding.rule, finding.span));
                    }
                    if profile == Profile::Doc
                        && plainly::rules::by_id(finding.rule)
                            .is_some_and(|r| !r.meta().profiles.contains(&Profile::Doc))
                    {
                        problems.push(format!("{}: message-only rule {} fired in doc", path.display(), finding.rule));
                    }
                }
                let report = FileReport::new(path.display().to_string(), source, checked);
                for diagnostic in &report.diagnostics {
                    if diagnostic.range.start > diagnostic.range.end {
                        problems.push(format!("{}: reversed range", path.display()));
                    }
                }
            }
            problems
        })
        .collect();
    assert!(problems.is_empty(), "{} problems, first: {:?}", problems.len(), &problems[..problems.len().min(5)]);
}

/// A well-edited book is what the `doc` profile is calibrated on: `plainly check
/// --profile doc` passes it (exit 0) with at most 2 findings per 1,000 words.
#[test]
fn the_rust_book_passes_a_docs_check() {
    let Some(dir) = corpus().map(|dir| dir.join("rust-book")).filter(|dir| dir.is_dir()) else {
        skip::because("../shared/corpus/rust-book not found beside the clone");
        return;
    };
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_plainly"))
        .args(["check", "--profile", "doc", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let files = report["files"].as_array().unwrap();
    let words: u64 = files.iter().map(|f| f["words"].as_u64().unwrap()).sum();
    let findings = report["summary"]["diagnostics"].as_u64().unwrap();
    let per_thousand = findings as f64 * 1000.0 / words as f64;
    assert!(words > 100_000, "expected the whole book, got {words} words");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(per_thousand <= 2.0, "{findings} findings in {words} words: {per_thousand:.2} per 1,000");
}
