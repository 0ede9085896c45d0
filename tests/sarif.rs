//! `plainly check --format sarif` on real files is valid SARIF 2.1.0 (against the official
//! schema vendored in tests/sarif/) and has what GitHub code scanning needs.

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

fn sarif(dir: &Path, paths: &[&str]) -> Value {
    sarif_exiting(dir, paths, 0)
}

fn sarif_exiting(dir: &Path, paths: &[&str], code: i32) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_plainly"))
        .args(["check", "--format", "sarif", "--fail-on", "error"])
        .args(paths)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("plainly runs");
    assert_eq!(output.status.code(), Some(code), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("SARIF is JSON")
}

fn assert_valid(log: &Value) {
    let schema: Value =
        serde_json::from_str(include_str!("sarif/sarif-schema-2.1.0.json")).expect("the vendored schema is JSON");
    let validator =
        jsonschema::options().should_validate_formats(true).build(&schema).expect("the vendored schema compiles");
    let errors: Vec<String> = validator.iter_errors(log).map(|e| format!("{}: {e}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

/// What GitHub code scanning reads, beyond the schema.
fn assert_fit_for_github(log: &Value) {
    let run = &log["runs"][0];
    assert_eq!(log["runs"].as_array().map(Vec::len), Some(1));
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    for result in run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(["note", "warning", "error"].contains(&result["level"].as_str().expect("level")));
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(!uri.starts_with("./") && !uri.starts_with('/') && !uri.contains('\\'), "{uri}");
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(location["region"]["startLine"].as_u64().expect("startLine") >= 1);
        assert!(result["partialFingerprints"]["plainly/v1"].as_str().is_some_and(|f| f.len() == 16));
    }
}

#[test]
fn the_examples_are_valid_sarif() {
    let log = sarif(Path::new(env!("CARGO_MANIFEST_DIR")), &["examples"]);
    assert_valid(&log);
    assert_fit_for_github(&log);
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(results.len() > 5, "the examples have findings");
    assert!(results.iter().any(|r| r["fixes"].is_array()), "and fixes");
    let uris: Vec<&str> = results
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert!(uris.contains(&"examples/draft.txt"), "{uris:?}");
}

#[test]
fn odd_files_are_valid_sarif() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("notes, week 1");
    std::fs::create_dir(&folder).expect("mkdir");
    // A BOM, CRLF line ends, an emoji before a finding, and a name that needs escaping.
    std::fs::write(folder.join("über 100%.txt"), "\u{feff}Hi all,\r\n🚀 We leverage the cache at 3pm.\r\n")
        .expect("write");
    let log = sarif(dir.path(), &["."]);
    assert_valid(&log);
    assert_fit_for_github(&log);
    let result = &log["runs"][0]["results"].as_array().expect("results")[0];
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "notes,%20week%201/%C3%BCber%20100%25.txt");
}

#[test]
fn nothing_found_is_still_a_valid_log() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("fine.md"), "All good.\n").expect("write");
    let log = sarif(dir.path(), &["fine.md"]);
    assert_valid(&log);
    assert_eq!(log["runs"][0]["results"], Value::Array(Vec::new()));
}

#[test]
fn a_file_that_could_not_be_read_is_a_notification() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("fine.md"), "All good.\n").expect("write");
    std::fs::write(dir.path().join("logo.txt"), b"\x89PNG\r\n\x1a\n\0\0").expect("write");
    let log = sarif_exiting(dir.path(), &["."], 2);
    assert_valid(&log);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["message"]["text"], "binary file (contains NUL bytes); not checked");
    assert_eq!(notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "logo.txt");
}
