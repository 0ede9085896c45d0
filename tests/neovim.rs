//! plainly in a real Neovim with the shipped `editors/neovim` setup: headless, a draft
//! shows plainly's diagnostics and takes a quick fix (`tests/nvim/lsp_test.lua`); and
//! interactive under tmux, as a person types, leaving insert mode and pausing brings no
//! error prompt, the first line's hover shows the score, and "Disable RULE in
//! plainly.toml" takes effect once saved. Skipped, with a note, where `nvim` (or `tmux`)
//! is not installed; `.ci/run` installs them.

use crate::support;

use std::process::Command;
use std::time::Duration;

use support::Tmux;

const DRAFT: &str = "Hi team,

The importer is done and the export is next.

Café 🚀 can we hop on a quick call at 3pm to circle back on the launch? I need an answer ASAP.
";

const WAIT: Duration = Duration::from_secs(30);

#[test]
fn neovim_shows_diagnostics_and_applies_a_quick_fix() {
    if !support::installed("nvim") {
        return support::skip("Neovim", "nvim is not on PATH");
    }
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.txt");
    std::fs::write(&draft, DRAFT).unwrap();
    let result = dir.path().join("result.txt");
    let mut nvim = Command::new("nvim");
    nvim.args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile tests/nvim/lsp_test.lua"])
        .current_dir(support::root())
        .env("PLAINLY_BIN", env!("CARGO_BIN_EXE_plainly"))
        .env("PLAINLY_SETUP", support::root().join("editors/neovim/plainly.lua"))
        .env("PLAINLY_DRAFT", &draft)
        .env("PLAINLY_RESULT", &result);
    let report = support::run_script("Neovim", &mut nvim, dir.path(), &result, Duration::from_secs(60));
    let codes = report.lines().find_map(|line| line.strip_prefix("codes ")).unwrap_or_default();
    for code in ["call-without-agenda", "jargon", "time-zone", "vague-deadline"] {
        assert!(codes.split(',').any(|c| c == code), "no {code} diagnostic in Neovim:\n{report}");
    }
    // Each diagnostic covers exactly its words, after an accent and an emoji.
    let mut diagnostics = support::lines_with(&report, "diag ");
    diagnostics.sort_unstable();
    assert_eq!(
        diagnostics,
        [
            "diag call-without-agenda 5 hop on a quick call",
            "diag jargon 5 circle back",
            "diag time-zone 5 3pm",
            "diag vague-deadline 5 ASAP",
        ],
        "{report}"
    );
    assert!(report.contains("fixed Café 🚀 can we hop on a quick call at 3pm to follow up on the launch?"), "{report}");
    assert!(report.contains("Disable jargon on this line"), "{report}");
}

#[test]
fn neovim_typed_into_under_tmux() {
    if !support::installed("nvim") {
        return support::skip("interactive Neovim", "nvim is not on PATH");
    }
    if !support::installed("tmux") {
        return support::skip("interactive Neovim", "tmux is not on PATH");
    }
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    std::fs::write(work.join("draft.txt"), DRAFT).unwrap();
    let config = work.join("plainly.toml");
    std::fs::write(&config, "[rules]\nhedge = \"info\"\n").unwrap();
    let state = dir.path().join("state.txt");
    let root = support::root();
    let bin = env!("CARGO_BIN_EXE_plainly");
    let env = [
        ("PLAINLY_BIN", std::path::Path::new(bin)),
        ("PLAINLY_SETUP", &root.join("editors/neovim/plainly.lua")),
        ("PLAINLY_STATE", &state),
        ("HOME", dir.path()),
        ("XDG_CONFIG_HOME", &dir.path().join("config")),
        ("XDG_STATE_HOME", &dir.path().join("state")),
        ("XDG_DATA_HOME", &dir.path().join("data")),
        ("XDG_CACHE_HOME", &dir.path().join("cache")),
    ];
    let init = root.join("tests/nvim/interactive_init.lua");
    let init = init.to_str().unwrap();
    let nvim = Tmux::start("nvim", &work, &["nvim", "-u", init, "-i", "NONE", "-n", "draft.txt"], &env);
    let codes =
        || std::fs::read_to_string(&state).ok().and_then(|s| s.strip_prefix("codes ").map(|c| c.trim().to_string()));
    let has = |code: &'static str| move |codes: &String| codes.split(',').any(|c| c == code);
    nvim.wait_for("plainly's diagnostics", WAIT, |_| codes().is_some_and(|c| has("jargon")(&c)));

    // Type a line and leave insert mode, then pause: CursorHold comes and goes. Before,
    // the setup asked Neovim 0.7 for code lenses at each, and an error prompt took over.
    nvim.keys(&["G", "o"]);
    nvim.type_text("Thanks for reading.");
    nvim.keys(&["Escape"]);
    nvim.wait_for("normal mode", WAIT, |s| s.contains("Thanks for reading.") && !s.contains("-- INSERT --"));
    std::thread::sleep(Duration::from_millis(1500));
    let screen = nvim.screen();
    assert!(!screen.contains("not supported") && !screen.contains("Press ENTER"), "{screen}");

    // The score, in the first line's hover (Neovim 0.7 shows no lenses).
    nvim.keys(&["g", "g"]);
    nvim.type_text(":lua vim.lsp.buf.hover()");
    nvim.keys(&["Enter"]);
    let screen = nvim.wait_for("the score in a hover", WAIT, |s| s.contains("Clarity "));
    assert!(screen.contains("/100 · "), "{screen}");

    // "Disable jargon in plainly.toml" from the code action menu, then `:wa` saves the
    // config it edited, and the writer types on. Neovim 0.7 tells the server of neither
    // the edit nor the save (plainly is not attached to TOML buffers): the server must
    // notice by itself, at the next message from the editor.
    nvim.type_text("/circle");
    nvim.keys(&["Enter"]);
    nvim.type_text(":lua vim.lsp.buf.code_action()");
    nvim.keys(&["Enter"]);
    let menu = nvim.wait_for("the code action menu", WAIT, |s| s.contains("Disable jargon in plainly.toml"));
    let choice = menu
        .lines()
        .find_map(|line| line.strip_suffix("Disable jargon in plainly.toml").and_then(|n| n.trim().strip_suffix(':')))
        .unwrap_or_else(|| panic!("no numbered entry in\n{menu}"))
        .to_string();
    nvim.type_text(&choice);
    nvim.keys(&["Enter"]);
    nvim.type_text(":wa");
    nvim.keys(&["Enter"]);
    nvim.keys(&["A"]);
    nvim.type_text(" Thanks.");
    nvim.keys(&["Escape"]);
    let saved = || std::fs::read_to_string(&config).unwrap();
    nvim.wait_for("jargon gone after the config was saved", WAIT, |_| codes().is_some_and(|c| !has("jargon")(&c)));
    assert!(saved().contains("jargon = \"off\""), "{}", saved());
    let screen = nvim.screen();
    assert!(!screen.contains("not supported") && !screen.contains("Press ENTER"), "{screen}");
}
