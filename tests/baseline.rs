//! `--write-baseline` and `--baseline` end to end: a recorded finding stays recorded when
//! lines move, a new one is reported alone, and a broken baseline file is a clear error.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn plainly(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plainly"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("plainly runs")
}

/// `(path, rule, line)` of each finding `--format json` reports.
fn reported(dir: &Path, args: &[&str]) -> Vec<(String, String, u64)> {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let output = plainly(dir, &all);
    assert_ne!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let mut found = Vec::new();
    for file in report["files"].as_array().expect("files") {
        for d in file["diagnostics"].as_array().expect("diagnostics") {
            found.push((
                file["path"].as_str().expect("path").into(),
                d["rule"].as_str().expect("rule").into(),
                d["range"]["start"]["line"].as_u64().expect("line"),
            ));
        }
    }
    found
}

const GUIDE: &str = "\
# Guide

We leverage the cache to go faster.

The nightly build runs at 3pm and takes an hour.

Ping the team ASAP when it fails.
";

const NOTE: &str = "\
We moved the first accounts and will circle back on pricing next week.
";

/// A docs folder with findings in two files.
fn docs() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("docs")).expect("mkdir");
    std::fs::write(dir.path().join("docs/guide.md"), GUIDE).expect("write");
    std::fs::write(dir.path().join("docs/note.txt"), NOTE).expect("write");
    dir
}

fn write_baseline(dir: &Path) {
    let output = plainly(dir, &["check", "--write-baseline", "plainly-baseline.json", "docs"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stdout.is_empty(), "writing a baseline prints no report");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("plainly: recorded "), "{stderr}");
    assert!(stderr.ends_with(" to plainly-baseline.json\n"), "{stderr}");
}

#[test]
fn a_fresh_baseline_hides_everything() {
    let dir = docs();
    let before = reported(dir.path(), &["docs"]);
    assert!(before.len() >= 4, "{before:?}");
    write_baseline(dir.path());

    let output = plainly(dir.path(), &["check", "--baseline", "plainly-baseline.json", "docs"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
    assert_eq!(reported(dir.path(), &["--baseline", "plainly-baseline.json", "docs"]), []);
}

#[test]
fn moving_lines_reports_nothing_new() {
    let dir = docs();
    write_baseline(dir.path());
    // Paragraphs swapped, text added above, a paragraph re-wrapped over two lines.
    let moved = "\
# Guide

A new first paragraph with nothing wrong in it.

Ping the team ASAP when it fails.

The nightly build runs at 3pm
and takes an hour.

We leverage the cache to go faster.
";
    std::fs::write(dir.path().join("docs/guide.md"), moved).expect("write");
    assert_eq!(reported(dir.path(), &["--baseline", "plainly-baseline.json", "docs"]), []);
}

#[test]
fn a_new_finding_is_reported_alone() {
    let dir = docs();
    write_baseline(dir.path());
    // A second "leverage" (the same text again: a new occurrence) and a new time.
    let edited = format!("{GUIDE}\nWe leverage the index too.\n\nThe deploy starts at 9am.\n");
    std::fs::write(dir.path().join("docs/guide.md"), edited).expect("write");
    let found = reported(dir.path(), &["--baseline", "plainly-baseline.json", "docs"]);
    assert_eq!(
        found,
        [("docs/guide.md".to_string(), "jargon".to_string(), 9), ("docs/guide.md".into(), "time-zone".into(), 11)]
    );
    let output = plainly(dir.path(), &["check", "--baseline", "plainly-baseline.json", "docs"]);
    assert_eq!(output.status.code(), Some(1), "the new warning fails the run");
}

#[test]
fn the_file_is_sorted_pretty_json_that_diffs_well() {
    let dir = docs();
    write_baseline(dir.path());
    let text = std::fs::read_to_string(dir.path().join("plainly-baseline.json")).expect("written");
    assert!(text.ends_with("}\n"));
    let file: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(file["version"], 1);
    let keys: Vec<(String, String)> = file["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| (f["path"].as_str().expect("path").into(), f["rule"].as_str().expect("rule").into()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(text.contains("\n    {\n      \"path\": \"docs/guide.md\",\n      \"rule\": \"jargon\",\n      \"text\": \"leverage\",\n      \"occurrence\": 0,\n"), "{text}");

    // Writing again over an unchanged tree gives the same bytes.
    write_baseline(dir.path());
    assert_eq!(std::fs::read_to_string(dir.path().join("plainly-baseline.json")).expect("written"), text);
}

#[test]
fn a_broken_baseline_is_a_clear_error() {
    let dir = docs();
    let cases: &[(&str, &str)] = &[
        (
            "{\n  \"version\": 1,\n  \"findings\": [\n",
            "plainly: bad.json:4:1: not valid JSON: EOF while parsing a list\n",
        ),
        ("{\"version\": 1}", "plainly: bad.json:1:14: not a plainly baseline: missing field `findings`\n"),
        (
            "{\"version\": 9, \"findings\": []}",
            "plainly: bad.json: baseline version 9 is not supported; this plainly reads version 1\n",
        ),
        (
            "{\"version\": 1, \"findings\": [{\"path\": \"a.md\", \"rule\": \"jargon\", \"text\": \"x\", \"occurrence\": 0, \"fingerprint\": \"0000000000000000\"}]}",
            "plainly: bad.json: finding 1 (jargon in a.md): fingerprint 0000000000000000 does not match its path, rule, text and occurrence (expected f4e054f5bda92c90)\n",
        ),
    ];
    for (text, error) in cases {
        std::fs::write(dir.path().join("bad.json"), text).expect("write");
        let output = plainly(dir.path(), &["check", "--baseline", "bad.json", "docs"]);
        assert_eq!(output.status.code(), Some(2), "{text}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), *error);
        assert!(output.stdout.is_empty(), "nothing is checked with a broken baseline");
    }

    let output = plainly(dir.path(), &["check", "--baseline", "missing.json", "docs"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("plainly: missing.json: cannot read the baseline: "), "{stderr}");
}

#[test]
fn writing_a_baseline_conflicts_with_filtering() {
    let dir = docs();
    let output = plainly(dir.path(), &["check", "--write-baseline", "a.json", "--baseline", "b.json", "docs"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot be used with"));
}
