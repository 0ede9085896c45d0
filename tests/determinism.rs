//! The same input gives byte-identical output, whatever the thread count: the built
//! `plainly` checks the shared corpus and examples (`../shared`, skipped when absent)
//! once per thread count, and every run's stdout and stderr must match byte for byte.
//! Separate processes also get different hash seeds, so a report that depended on
//! `HashMap` order would differ too. No run may hit an internal error (a caught panic).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::skip;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    dir.join("corpus").is_dir().then_some(dir)
}

/// Runs `plainly check` on the corpus and examples with `threads` worker threads
/// (`None`: rayon's default) and returns its exit code, stdout and stderr.
fn check(shared: &Path, format: &str, threads: Option<&str>) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_plainly"));
    command
        .args(["check", "--format", format, "--color", "never", "corpus", "examples"])
        .current_dir(shared)
        .env_remove("RAYON_NUM_THREADS")
        .stdin(Stdio::null());
    if let Some(threads) = threads {
        command.env("RAYON_NUM_THREADS", threads);
    }
    let output = command.output().expect("runs plainly");
    (output.status.code(), output.stdout, output.stderr)
}

fn assert_same_across_thread_counts(format: &str, threads: &[Option<&str>]) {
    let Some(shared) = shared() else {
        skip::because("../shared/corpus not found beside the clone");
        return;
    };
    let (code, stdout, stderr) = check(&shared, format, threads[0]);
    assert!(stdout.len() > 1_000_000, "{format}: only {} bytes of output", stdout.len());
    let errors = String::from_utf8_lossy(&stderr);
    assert!(!errors.contains("internal error"), "{format}: {errors}");
    for &other in &threads[1..] {
        let again = check(&shared, format, other);
        assert_eq!(again.0, code, "{format}: exit code with RAYON_NUM_THREADS={other:?}");
        // Not `assert_eq!` on the bytes: a mismatch would print megabytes.
        if again.1 != stdout {
            let at = stdout.iter().zip(&again.1).position(|(a, b)| a != b).unwrap_or(stdout.len().min(again.1.len()));
            let context = |bytes: &[u8]| {
                String::from_utf8_lossy(&bytes[at.saturating_sub(200)..(at + 200).min(bytes.len())]).into_owned()
            };
            panic!(
                "{format}: stdout with RAYON_NUM_THREADS={other:?} differs at byte {at}:\n{}\n---\n{}",
                context(&stdout),
                context(&again.1)
            );
        }
        assert_eq!(String::from_utf8_lossy(&again.2), errors, "{format}: stderr with RAYON_NUM_THREADS={other:?}");
    }
}

#[test]
fn json_output_is_byte_identical_across_thread_counts() {
    assert_same_across_thread_counts("json", &[None, Some("1"), Some("8")]);
}

#[test]
fn human_output_is_byte_identical_across_thread_counts() {
    assert_same_across_thread_counts("human", &[None, Some("1")]);
}
