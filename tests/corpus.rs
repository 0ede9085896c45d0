//! Runs the engine over the whole shared corpus (`../shared/corpus`, when present):
//! no panics, and every finding and fix range lies inside its file on character
//! boundaries, in every profile.

#![allow(clippy::print_stderr, reason = "a skipped test says why")]

use std::path::{Path, PathBuf};

use plainly::input::{self, DEFAULT_MAX_FILE_BYTES};
use plainly::output::FileReport;
use plainly::{FileKind, Profile, Settings, Span};
use rayon::prelude::*;

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
        eprintln!("../shared/corpus not found; skipping");
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
