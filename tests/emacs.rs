//! plainly in a real Emacs: `emacs --batch` with eglot and the shipped `editors/emacs`
//! setup opens a draft, shows plainly's diagnostics where they belong, sends an edit,
//! applies a quick fix from eglot's code action menu and shows hovers; Org and LaTeX
//! buffers get no plainly (`tests/emacs/lsp_test.el`). Skipped, with a note, where `emacs`
//! or eglot is not installed; `.ci/run` installs Debian's `emacs-nox` and `elpa-eglot`.

use crate::support;

use std::process::Command;
use std::time::Duration;

const DRAFT: &str = "Hi team,

The importer is done and the export is next.

Café 🚀 can we hop on a quick call at 3pm to circle back on the launch? I need an answer ASAP.
";

const ORG: &str = "* Notes
Let us circle back on this ASAP.
#+begin_src sh
echo hi
#+end_src
";

const LATEX: &str = r"\documentclass{article}
\begin{document}
Let us circle back on this ASAP.
\end{document}
";

const MARKDOWN: &str = "# Launch

Can we **circle back** on the launch ASAP?
";

#[test]
fn emacs_eglot_shows_diagnostics_follows_edits_and_applies_a_quick_fix() {
    if !support::installed("emacs") {
        return support::skip("Emacs", "emacs is not on PATH");
    }
    let has_eglot = Command::new("emacs")
        .args(["--batch", "--eval", "(kill-emacs (if (locate-library \"eglot\") 0 1))"])
        .output()
        .is_ok_and(|out| out.status.success());
    if !has_eglot {
        return support::skip("Emacs", "eglot is not installed (Debian: elpa-eglot)");
    }
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    for (name, text) in [("draft.txt", DRAFT), ("notes.org", ORG), ("paper.tex", LATEX), ("notes.md", MARKDOWN)] {
        std::fs::write(files.join(name), text).unwrap();
    }
    let result = dir.path().join("result.txt");
    let mut emacs = Command::new("emacs");
    emacs
        .args(["--batch", "-l", "tests/emacs/lsp_test.el"])
        .current_dir(support::root())
        .env("PLAINLY_BIN", env!("CARGO_BIN_EXE_plainly"))
        .env("PLAINLY_SETUP", support::root().join("editors/emacs/plainly.el"))
        .env("PLAINLY_DIR", &files)
        .env("PLAINLY_RESULT", &result);
    let report = support::run_script("Emacs", &mut emacs, dir.path(), &result, Duration::from_secs(120));
    let with = |prefix: &str| support::lines_with(&report, prefix);

    // Each finding covers exactly its words (UTF-16 columns after an accent and an emoji).
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
    // After the edit the deadline is gone and the findings moved with their words.
    let edited = with("edited ");
    assert!(edited.contains(&"edited jargon 5 circle back"), "{report}");
    assert!(edited.contains(&"edited time-zone 5 3pm"), "{report}");
    assert!(!edited.iter().any(|l| l.contains("vague-deadline")), "{report}");
    // Hover in plain text, which eglot asks for without markdown-mode, and the score on
    // the first line, since eglot shows no code lenses.
    let hover = with("hover ").concat();
    assert!(hover.contains("jargon (info, −2 points of the clarity score)"), "{report}");
    assert!(!hover.contains("**") && !hover.contains('`'), "Markdown in a plain-text hover:\n{report}");
    assert!(with("first-line-hover Clarity ").len() == 1 && report.contains("/100 · "), "{report}");
    // The quick fix from eglot's menu changed the buffer, and the finding went.
    assert!(with("actions ").concat().contains("Replace with “follow up” | Replace with “come back”"), "{report}");
    assert_eq!(
        with("fixed "),
        ["fixed Café ☕ 🚀 can we hop on a quick call at 3pm to follow up on the launch? I need an answer by Friday."],
        "{report}"
    );
    assert!(!with("after-fix ").is_empty() && !with("after-fix ").concat().contains("jargon"), "{report}");
    // Org and LaTeX derive from text-mode but are left alone, and LaTeX keeps its own server.
    assert!(report.contains("notes.org mode org-mode managed nil\n"), "{report}");
    assert!(report.contains("paper.tex mode latex-mode managed nil\n"), "{report}");
    assert!(report.contains("latex-server (\"digestif\")\n"), "{report}");
    // Markdown, where markdown-mode is installed (Emacs 28 has none of its own).
    if report.contains("markdown skipped") {
        support::skip("Emacs Markdown part", "markdown-mode is not installed (Debian: elpa-markdown-mode)");
    } else {
        assert!(report.contains("notes.md mode markdown-mode managed t\n"), "{report}");
        assert_eq!(with("md "), ["md jargon 3 circle back", "md vague-deadline 3 ASAP"], "{report}");
        assert!(with("md-hover ").concat().contains("**jargon**"), "Markdown hover when asked for:\n{report}");
    }
}
