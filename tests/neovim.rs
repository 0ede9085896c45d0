//! plainly in a real editor: headless Neovim with the shipped `editors/neovim` setup opens
//! a draft, shows plainly's diagnostics, and applies a quick fix (`tests/nvim/lsp_test.lua`).
//! Skipped, with a note, where `nvim` is not installed; `.ci/run` installs it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod skip;

const DRAFT: &str = "Hi team,

The importer is done and the export is next.

Can we hop on a quick call at 3pm to circle back on the launch? I need an answer ASAP.
";

#[test]
fn neovim_shows_diagnostics_and_applies_a_quick_fix() {
    if Command::new("nvim").arg("--version").stdout(Stdio::null()).status().is_err() {
        skip::because("nvim is not on PATH");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.txt");
    std::fs::write(&draft, DRAFT).unwrap();
    let result = dir.path().join("result.txt");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut nvim = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile tests/nvim/lsp_test.lua"])
        .current_dir(root)
        .env("PLAINLY_BIN", env!("CARGO_BIN_EXE_plainly"))
        .env("PLAINLY_SETUP", root.join("editors/neovim/plainly.lua"))
        .env("PLAINLY_DRAFT", &draft)
        .env("PLAINLY_RESULT", &result)
        // Neovim's LSP log and state go to the temporary folder, not the user's.
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = nvim.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = nvim.kill();
            panic!("Neovim did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let report = std::fs::read_to_string(&result).unwrap_or_default();
    assert!(status.success() && report.ends_with("ok\n"), "Neovim {status}:\n{report}");
    let codes = report.lines().find_map(|line| line.strip_prefix("codes ")).unwrap_or_default();
    for code in ["call-without-agenda", "jargon", "time-zone", "vague-deadline"] {
        assert!(codes.split(',').any(|c| c == code), "no {code} diagnostic in Neovim:\n{report}");
    }
    assert!(report.contains("fixed Can we hop on a quick call at 3pm to follow up on the launch?"), "{report}");
    assert!(report.contains("Disable jargon on this line"), "{report}");
}
