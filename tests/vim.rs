//! plainly in a real Vim with ALE and the shipped `editors/vim/plainly.vim`: headless Vim
//! opens a draft with an accent and an emoji before its findings, ALE highlights exactly
//! their words (ALE counts columns in bytes; the setup tells plainly so), an edit moves
//! them, hovers answer in plain text with the score on the first line, and a quick fix
//! from ALE's code action menu lands where it should (`tests/vim/ale_test.vim`). Skipped,
//! with a note, where `vim` or ALE is not installed; `.ci/run` installs Debian's
//! `vim-ale`.

use crate::support;

use std::process::Command;
use std::time::Duration;

const DRAFT: &str = "Hi team,

The importer is done and the export is next.

Café 🚀 can we hop on a quick call at 3pm to circle back on the launch? I need an answer ASAP.
";

/// Runs `vim` headless and silent with these extra arguments.
fn vim(args: &[&str]) -> Command {
    let mut vim = Command::new("vim");
    vim.args(["-N", "-u", "NONE", "-i", "NONE", "-n", "-es"]).args(args);
    vim
}

#[test]
fn vim_ale_highlights_exact_words_after_non_ascii_text_and_applies_a_quick_fix() {
    if !support::installed("vim") {
        return support::skip("Vim", "vim is not on PATH");
    }
    let check = "if exists(':ALELint') && has('job') && has('timers') | qall! | else | cquit! | endif";
    let ale = vim(&["-c", "silent! packadd ale", "-c", check])
        .stdin(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !ale {
        return support::skip("Vim", "no ALE as a Vim package (Debian: vim-ale), or a Vim without jobs and timers");
    }
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.txt");
    std::fs::write(&draft, DRAFT).unwrap();
    let result = dir.path().join("result.txt");
    let mut vim = vim(&["-S", "tests/vim/ale_test.vim"]);
    vim.current_dir(support::root())
        .env("PLAINLY_BIN", env!("CARGO_BIN_EXE_plainly"))
        .env("PLAINLY_SETUP", support::root().join("editors/vim/plainly.vim"))
        .env("PLAINLY_DRAFT", &draft)
        .env("PLAINLY_RESULT", &result);
    let report = support::run_script("Vim", &mut vim, dir.path(), &result, Duration::from_secs(120));
    let with = |prefix: &str| support::lines_with(&report, prefix);

    // The bytes ALE highlights are each finding's words.
    assert_eq!(
        with("diag "),
        [
            "diag call-without-agenda 5 hop on a quick call",
            "diag jargon 5 circle back",
            "diag time-zone 5 3pm",
            "diag vague-deadline 5 ASAP",
        ],
        "{report}"
    );
    let edited = with("edited ");
    assert!(edited.contains(&"edited jargon 5 circle back") && edited.contains(&"edited time-zone 5 3pm"), "{report}");
    assert!(!edited.iter().any(|l| l.contains("vague-deadline")), "{report}");
    // ALE asks for plain text.
    let hover = with("hover ").concat();
    assert!(hover.starts_with("hover jargon (info, −2 points of the clarity score)"), "{report}");
    assert!(!hover.contains("**") && !hover.contains('`'), "{report}");
    assert!(with("first-line-hover Clarity ").concat().contains("/100 · "), "{report}");
    // Once, the fix turned "circle back" into "atfollow upcle": UTF-16 columns read as bytes.
    assert!(with("actions ").concat().contains("Replace with “follow up”"), "{report}");
    assert_eq!(
        with("fixed "),
        ["fixed Café ☕ 🚀 can we hop on a quick call at 3pm to follow up on the launch? I need an answer by Friday."],
        "{report}"
    );
    assert!(!with("after-fix ").is_empty() && !with("after-fix ").concat().contains("jargon"), "{report}");
}
