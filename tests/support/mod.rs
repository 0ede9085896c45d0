//! What the editor tests share: finding the editor, running it with a deadline, and
//! saying why a test did nothing.

#![allow(dead_code, reason = "each editor test uses the part it needs")]

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Runs an editor's test script, isolated in `dir`, killing it after `limit`, and returns
/// the report the script wrote to `result`, which must end in "ok".
pub fn run_script(editor: &str, command: &mut Command, dir: &Path, result: &Path, limit: Duration) -> String {
    isolate(command, dir);
    let (status, log) = run(command, limit);
    let report = std::fs::read_to_string(result).unwrap_or_default();
    assert!(status.success() && report.ends_with("ok\n"), "{editor} {status}:\n{report}\n{log}");
    report
}

/// The lines of a script's report that start with `prefix`.
pub fn lines_with<'a>(report: &'a str, prefix: &str) -> Vec<&'a str> {
    report.lines().filter(|line| line.starts_with(prefix)).collect()
}

/// Whether `program` runs (`program --version` starts).
pub fn installed(program: &str) -> bool {
    Command::new(program).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok()
}

/// Runs `command` to its end, killing it after `limit`, and returns how it ended and
/// what it wrote to stderr (for the failure message; a passing test stays quiet).
pub fn run(command: &mut Command, limit: Duration) -> (ExitStatus, String) {
    let mut stderr = tempfile::tempfile().unwrap();
    let mut child =
        command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(stderr.try_clone().unwrap()).spawn().unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut log = String::new();
    stderr.seek(SeekFrom::Start(0)).unwrap();
    stderr.read_to_string(&mut log).unwrap();
    (status, log)
}

/// The editor's state, logs and caches go to `dir`, not the user's.
pub fn isolate(command: &mut Command, dir: &Path) {
    command
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CACHE_HOME", dir.join("cache"));
}

/// The repository's root, where the shipped setups are.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Says why a test did nothing. Written to stderr directly, past the test harness's
/// capture of `eprintln!`, so that the note shows in a passing run (CI's log).
pub fn skip(editor: &str, why: &str) {
    let test = std::thread::current().name().unwrap_or("a test").to_string();
    let _ = writeln!(std::io::stderr(), "skipped tests/{}.rs: {test} ({editor}): {why}", env!("CARGO_CRATE_NAME"));
}

/// An editor running in a terminal under tmux, driven as a person drives it: keys in,
/// the screen out.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `command` in an 80×24 terminal in `dir`, with `env` added. Each test gets its
    /// own tmux server, so tests run side by side and a user's tmux is left alone.
    pub fn start(name: &str, dir: &Path, command: &[&str], env: &[(&str, &Path)]) -> Tmux {
        let tmux = Tmux { socket: format!("plainly-test-{}-{name}", std::process::id()) };
        let mut args: Vec<String> =
            ["new-session", "-d", "-s", "editor", "-x", "80", "-y", "24", "-c"].map(String::from).to_vec();
        args.push(dir.display().to_string());
        for (key, value) in env {
            args.push("-e".to_string());
            args.push(format!("{key}={}", value.display()));
        }
        args.extend(command.iter().map(|s| s.to_string()));
        tmux.run(&args);
        tmux
    }

    fn run(&self, args: &[String]) -> String {
        let output =
            Command::new("tmux").args(["-L", &self.socket, "-f", "/dev/null"]).args(args).output().expect("tmux runs");
        assert!(output.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Presses keys, in tmux's names (`Escape`, `Enter`, `C-w`). After `Escape` it pauses
    /// as a person does: a key hard behind it reads as Alt+key to the editor.
    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys".to_string(), "-t".to_string(), "editor".to_string(), key.to_string()]);
            if *key == "Escape" {
                std::thread::sleep(Duration::from_millis(200));
            }
        }
    }

    /// Types `text` as it is.
    pub fn type_text(&self, text: &str) {
        self.run(&[
            "send-keys".to_string(),
            "-t".to_string(),
            "editor".to_string(),
            "-l".to_string(),
            text.to_string(),
        ]);
    }

    /// What the terminal shows now.
    pub fn screen(&self) -> String {
        self.run(&["capture-pane".to_string(), "-p".to_string(), "-t".to_string(), "editor".to_string()])
    }

    /// Waits up to `limit` for the screen to satisfy `ready`, and returns that screen.
    pub fn wait_for(&self, what: &str, limit: Duration, ready: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(started.elapsed() < limit, "{what}: not within {limit:?}; the screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).output();
    }
}

/// Waits up to `limit` for `ready` to return something.
pub fn wait_until<T>(what: &str, limit: Duration, ready: impl Fn() -> Option<T>) -> T {
    let started = Instant::now();
    loop {
        if let Some(value) = ready() {
            return value;
        }
        assert!(started.elapsed() < limit, "{what}: not within {limit:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}
