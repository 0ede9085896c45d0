//! `plainly check … | head` closes stdout early. plainly stops writing, prints nothing on
//! stderr, and exits as it would have with the whole report: the exit code depends on
//! what was found, not on whether the report fit in the pipe.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

/// Checks a long message with `args`, reading only the first bytes of the report;
/// returns the exit code and stderr.
fn check_closing_stdout_early(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plainly"))
        .args(["check", "--color", "never"])
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Far more report than a pipe holds (64 KiB on Linux).
    let message = "Please circle back on this ASAP at 3pm.\n\n".repeat(3000);
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(message.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    writer.join().unwrap();
    let output = child.wait_with_output().unwrap();
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn closed_stdout_is_not_an_error_and_findings_still_fail() {
    assert_eq!(check_closing_stdout_early(&[]), (Some(1), String::new()));
}

#[test]
fn closed_stdout_with_nothing_at_fail_on_exits_0() {
    assert_eq!(check_closing_stdout_early(&["--fail-on", "error"]), (Some(0), String::new()));
}
