//! `plainly check --format sarif` on real files is valid SARIF 2.1.0 (against the official
//! schema vendored in tests/sarif/) and has what GitHub code scanning needs.
//!
//! The schema is checked by Python's `jsonschema`, the reference implementation of JSON
//! Schema, with `uri` and `uri-reference` formats checked (`rfc3986-validator`); `.ci/run`
//! installs both into target/ci/tools (.ci/requirements.txt). A Rust validator as a
//! dev-dependency cost the first `cargo test` on a fresh clone about a minute of building.
//! Without the Python packages the schema check is skipped, saying why, and everything
//! else here still runs.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::support;

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

/// Validates a JSON document read from stdin against the schema named in argv[1] and prints
/// one line per error; exits 3 when it cannot check: no `jsonschema`, one too old for the
/// schema's dialect (2020-12, `FORMAT_CHECKER`: 4.x), or no checker for `uri` formats.
const VALIDATE: &str = r#"
import json, sys
schema = json.load(open(sys.argv[1], encoding="utf-8"))
try:
    import jsonschema
    validator = jsonschema.validators.validator_for(schema)
    checker = validator.FORMAT_CHECKER
except (ImportError, AttributeError):
    sys.exit(3)
if not {"uri", "uri-reference"} <= set(checker.checkers):
    sys.exit(3)
for error in validator(schema, format_checker=checker).iter_errors(json.load(sys.stdin)):
    print("/" + "/".join(map(str, error.absolute_path)) + ": " + error.message)
"#;

/// The Pythons that may have `jsonschema`: the CI tools' environment, then the system's.
fn pythons() -> Vec<String> {
    let tools = support::root().join("target/ci/tools/bin/python");
    vec![tools.display().to_string(), "python3".to_string()]
}

/// The schema errors of `log`, or `None` when no Python here can check it.
fn schema_errors(log: &Value) -> Option<Vec<String>> {
    let schema = support::root().join("tests/sarif/sarif-schema-2.1.0.json");
    for python in pythons() {
        let Ok(mut child) = Command::new(&python)
            .args(["-c", VALIDATE])
            .arg(&schema)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
        else {
            continue;
        };
        let mut stdin = child.stdin.take().expect("piped stdin");
        // A Python that cannot check exits before reading; its status says so below.
        let _ = stdin.write_all(log.to_string().as_bytes());
        drop(stdin);
        let output = child.wait_with_output().expect("the validator runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        if output.status.code() == Some(3) {
            continue;
        }
        assert!(output.status.success(), "{python}: {stderr}");
        return Some(String::from_utf8_lossy(&output.stdout).lines().map(String::from).collect());
    }
    None
}

/// Why a schema check was skipped.
const NO_VALIDATOR: &str =
    "no python3 with jsonschema 4 and rfc3986-validator (.ci/run installs them); the schema was not checked";

fn assert_valid(log: &Value) {
    match schema_errors(log) {
        Some(errors) => assert!(errors.is_empty(), "{errors:#?}"),
        None => support::skip("jsonschema", NO_VALIDATOR),
    }
}

#[test]
fn the_schema_check_catches_mistakes() {
    // Proves the check is not vacuous: a wrong level, a 0 line and a bad URI are refused.
    let mut log = sarif(Path::new(env!("CARGO_MANIFEST_DIR")), &["examples/draft.txt"]);
    log["runs"][0]["results"][0]["level"] = "info".into();
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    log["runs"][0]["tool"]["driver"]["informationUri"] = "not a uri".into();
    match schema_errors(&log) {
        Some(errors) => assert_eq!(errors.len(), 3, "{errors:#?}"),
        None => support::skip("jsonschema", NO_VALIDATOR),
    }
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

#[test]
fn a_bad_setting_is_a_notification_at_its_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("fine.md"), "All good.\n").expect("write");
    std::fs::write(dir.path().join("plainly.toml"), "[rules]\nlong-sentence = { max-wrds = 30 }\n").expect("write");
    let log = sarif_exiting(dir.path(), &["."], 2);
    assert_valid(&log);
    let notification = &log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert_eq!(
        notification["message"]["text"],
        "rule `long-sentence` has no option `max-wrds`; it takes `severity`, `max-words`"
    );
    let place = &notification["locations"][0]["physicalLocation"];
    assert_eq!(place["artifactLocation"]["uri"], "plainly.toml");
    assert_eq!((place["region"]["startLine"].as_u64(), place["region"]["startColumn"].as_u64()), (Some(2), Some(19)));
}
