//! How plainly reads each message of `tests/messages/`, one snapshot per message: for each
//! sentence, its mood and what it does as `plainly analyze --format json` reports it (the
//! acts decided, the acts it may have, the hand-written reading's). A change to the
//! tagger, the hand reading or the act model shows here as a diff to review, sentence by
//! sentence, before it shows as a rule's finding.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// One line per sentence: where it starts, its text, mood, and acts.
fn reading(path: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_plainly"))
        .args(["analyze", "--profile", "message", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let names = |value: &Value| {
        let names: Vec<&str> = value.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        if names.is_empty() { "-".to_string() } else { names.join(", ") }
    };
    let mut out = String::new();
    for sentence in report["sentences"].as_array().unwrap() {
        let span = &sentence["sentence"];
        let acts = &sentence["act_reading"];
        out.push_str(&format!(
            "{}:{} {:?}\n  {} · does: {} · may do: {} · hand: {}\n",
            span["start"]["line"],
            span["start"]["column"],
            span["text"].as_str().unwrap(),
            sentence["mood"].as_str().unwrap(),
            names(&acts["acts"]),
            names(&acts["possible"]),
            names(&acts["hand"]),
        ));
    }
    out
}

#[test]
fn every_message_is_read_as_before() {
    insta::glob!("messages/*.txt", |path| {
        insta::assert_snapshot!(reading(path));
    });
}
