//! plainly in a real Kakoune with kak-lsp 16 and the shipped `editors/kakoune` setup,
//! typed into under tmux as a person types: findings cover exactly their words after an
//! accent and an emoji, the score shows as a lens, an edit moves and clears findings, a
//! hover answers, "Disable jargon in plainly.toml" creates the config and the finding
//! goes, and the server ends when kak-lsp does. Skipped, with a note, where `kak`,
//! kak-lsp 16 or `tmux` is missing: kak-lsp is not packaged for Debian, so CI skips it;
//! `cargo install kak-lsp --version 16.0.0` provides it (about 6 minutes to build).

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use support::Tmux;

const DRAFT: &str = "Hi team,

The importer is done and the export is next.

Café 🚀 can we hop on a quick call at 3pm to circle back on the launch? I need an answer ASAP.
";

const WAIT: Duration = Duration::from_secs(30);

/// A Kakoune session, asked about its state with `kak -p`.
struct Kakoune {
    session: String,
    out: PathBuf,
}

impl Kakoune {
    /// The value of option `name` in the client's window, as Kakoune prints it.
    fn option(&self, name: &str) -> String {
        let _ = std::fs::remove_file(&self.out);
        let command = format!("eval -client client0 %{{ echo -to-file {} %opt{{{name}}} }}", self.out.display());
        let mut kak =
            Command::new("kak").args(["-p", &self.session]).stdin(std::process::Stdio::piped()).spawn().unwrap();
        std::io::Write::write_all(&mut kak.stdin.take().unwrap(), command.as_bytes()).unwrap();
        kak.wait().unwrap();
        support::wait_until("kak -p", WAIT, || std::fs::read_to_string(&self.out).ok())
    }

    /// The words each inline diagnostic covers in `text` (Kakoune's ranges: 1-based
    /// line.byte, both ends included), in order; `None` for a range outside `text`, as
    /// while kak-lsp still shows the ranges of an earlier version.
    fn diagnostic_words(&self, text: &str) -> Vec<Option<String>> {
        let lines: Vec<&str> = text.lines().collect();
        let value = self.option("lsp_inline_diagnostics");
        let word = |range: &str| -> Option<String> {
            let (start, end) = range.split_once(',')?;
            let at = |coord: &str| -> Option<(usize, usize)> {
                let (line, column) = coord.split_once('.')?;
                Some((line.parse().ok()?, column.parse().ok()?))
            };
            let ((line, first), (_, last)) = (at(start)?, at(end)?);
            let line = lines.get(line.checked_sub(1)?)?;
            let end = last.checked_sub(1)? + line.get(last - 1..)?.chars().next().map_or(1, char::len_utf8);
            Some(line.get(first.checked_sub(1)?..end)?.to_string())
        };
        value.split_whitespace().skip(1).map(|spec| word(spec.split('|').next().unwrap_or_default())).collect()
    }

    /// Waits for the inline diagnostics to cover exactly `expected` in `text`.
    fn wait_for_words(&self, what: &str, text: &str, expected: &[&str]) {
        let started = Instant::now();
        loop {
            let words = self.diagnostic_words(text);
            if words.iter().map(Option::as_deref).eq(expected.iter().map(|w| Some(*w))) {
                return;
            }
            assert!(started.elapsed() < WAIT, "{what}: diagnostics cover {words:?}, not {expected:?}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Kakoune {
    fn drop(&mut self) {
        // Ends a session a failed test left running, so its socket goes with it.
        let kill = Command::new("kak").args(["-p", &self.session]).stdin(std::process::Stdio::piped()).spawn();
        if let Ok(mut kak) = kill {
            let _ = std::io::Write::write_all(&mut kak.stdin.take().unwrap(), b"kill!");
            let _ = kak.wait();
        }
    }
}

/// Whether process `pid` has ended (gone, or a zombie nobody reaped yet).
fn ended(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map_or(true, |stat| stat.rsplit(')').next().is_some_and(|rest| rest.trim_start().starts_with('Z')))
}

fn parent(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit(')').next()?.split_whitespace().nth(1)?.parse().ok()
}

/// Ends the processes a failed test would leave behind.
struct KillOnDrop(Vec<u32>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        for pid in &self.0 {
            let _ = Command::new("kill").arg(pid.to_string()).output();
        }
    }
}

#[test]
fn kakoune_with_kak_lsp_typed_into_under_tmux() {
    for (program, why) in [("kak", "kak is not on PATH (Debian: kakoune)"), ("tmux", "tmux is not on PATH")] {
        if !support::installed(program) {
            return support::skip("Kakoune", why);
        }
    }
    let version = Command::new("kak-lsp").arg("--version").output().map(|out| out.stdout).unwrap_or_default();
    if !String::from_utf8_lossy(&version).starts_with("kak-lsp 16.") {
        return support::skip(
            "Kakoune",
            "kak-lsp 16 is not on PATH (not packaged for Debian: cargo install kak-lsp --version 16.0.0)",
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    for folder in ["work", "bin", "home", "config/kak", "config/kak-lsp"] {
        std::fs::create_dir_all(path(folder)).unwrap();
    }
    let root = support::root();
    std::fs::copy(root.join("editors/kakoune/kak-lsp.toml"), path("config/kak-lsp/kak-lsp.toml")).unwrap();
    let kakrc = format!(
        "evaluate-commands %sh{{kak-lsp --kakoune -s $kak_session}}\nsource {}\n",
        root.join("editors/kakoune/plainly.kak").display()
    );
    std::fs::write(path("config/kak/kakrc"), kakrc).unwrap();
    // `plainly` on PATH is the built binary, by way of a script that notes its process id.
    let wrapper =
        format!("#!/bin/sh\necho $$ > '{}'\nexec '{}' \"$@\"\n", path("pid").display(), env!("CARGO_BIN_EXE_plainly"));
    std::fs::write(path("bin/plainly"), wrapper).unwrap();
    Command::new("chmod").arg("+x").arg(path("bin/plainly")).status().unwrap();
    std::fs::write(path("work/draft.txt"), DRAFT).unwrap();

    let session = format!("plainly-test-{}", std::process::id());
    let search_path = format!("PATH={}:{}", path("bin").display(), std::env::var("PATH").unwrap_or_default());
    let env: [(&str, &Path); 3] =
        [("HOME", &path("home")), ("XDG_CONFIG_HOME", &path("config")), ("KAKOUNE_CONFIG_DIR", &path("config/kak"))];
    let kak = Tmux::start("kak", &path("work"), &["env", &search_path, "kak", "-s", &session, "draft.txt"], &env);
    let kakoune = Kakoune { session, out: path("out") };
    let server: u32 =
        support::wait_until("plainly started", WAIT, || std::fs::read_to_string(path("pid")).ok()?.trim().parse().ok());
    let kak_lsp = parent(server).expect("kak-lsp runs plainly");
    let _cleanup = KillOnDrop(vec![server, kak_lsp]);

    // Each finding covers exactly its words, and the score is a lens on the first line.
    kakoune.wait_for_words("plainly's diagnostics", DRAFT, &["hop on a quick call", "3pm", "circle back", "ASAP"]);
    let screen = kak.wait_for("the score lens", WAIT, |s| s.contains("Clarity ") && s.contains("4 findings"));
    assert!(screen.contains("/100 · 4 findings"), "{screen}");

    // Type: a real deadline for "ASAP", and a cup before the findings, which must move.
    kak.type_text("/ASAP");
    kak.keys(&["Enter", "c"]);
    kak.type_text("by Friday");
    kak.keys(&["Escape"]);
    kak.type_text("/Café");
    kak.keys(&["Enter", "a"]);
    kak.type_text(" ☕");
    kak.keys(&["Escape"]);
    let edited = DRAFT.replace("ASAP", "by Friday").replace("Café", "Café ☕");
    kakoune.wait_for_words("diagnostics after the edit", &edited, &["hop on a quick call", "3pm", "circle back"]);

    // Hover on the jargon finding.
    kak.type_text("/circle");
    kak.keys(&["Enter"]);
    kak.type_text(":lsp-hover");
    kak.keys(&["Enter"]);
    kak.wait_for("the hover", WAIT, |s| s.contains("jargon (info, −2 points of the clarity score)"));
    kak.keys(&["Escape"]);

    // "Disable jargon in plainly.toml": kak-lsp creates the config, and the finding goes.
    kak.type_text(":lsp-code-action 'Disable jargon in plainly.toml'");
    kak.keys(&["Enter"]);
    let config = path("work/plainly.toml");
    kak.wait_for("plainly.toml created", WAIT, |_| config.exists());
    assert_eq!(std::fs::read_to_string(&config).unwrap(), "[rules]\njargon = \"off\"\n");
    kakoune.wait_for_words("jargon gone", &edited, &["hop on a quick call", "3pm"]);

    // Quit. kak-lsp usually ends its session with Kakoune; when Kakoune's notice does not
    // reach it, it lingers (its `server.timeout`). Either way plainly must end with it,
    // when its input closes.
    kak.type_text(":quit!");
    kak.keys(&["Enter"]);
    let started = Instant::now();
    while !ended(kak_lsp) && started.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    if !ended(kak_lsp) {
        Command::new("kill").arg(kak_lsp.to_string()).status().unwrap();
    }
    support::wait_until("plainly to end with kak-lsp", Duration::from_secs(10), || ended(server).then_some(()));
}
