//! Hostile inputs, end to end: the built `plainly` on files made at test time (nothing
//! big is committed). Each has a bounded outcome, checked here: one error line naming
//! the file, or a correct result. Every run is under `ulimit -v` (see [`MEMORY_KB`]), so
//! a memory blow-up fails the test instead of the machine.
//!
//! The folder of many small files has 20,000 files by default (about 10 s for a debug
//! build on 2 cores); `PLAINLY_HOSTILE_FILES=100000 cargo test --test hostile` runs the
//! full 100,000 (about 40 s to make the files and 60 s to check them in a debug build, 10 s
//! in a release one; under 60 MB).
//!
//! Deep nesting needs no cap in plainly: pulldown-cmark keeps block containers on a
//! heap stack, and the document builder counts depths instead of recursing, so 100,000
//! levels of `>` or `- ` take well under a second.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::skip;

/// The address space each run may use. A debug build checking the largest inputs here
/// peaks under 300 MB; the rest is headroom for allocator arenas and thread stacks.
const MEMORY_KB: u64 = 2 * 1024 * 1024;

/// What one run of `plainly` did.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The JSON report (`--format json` runs only).
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|err| panic!("{err}: {}", self.stdout))
    }

    /// Paths of the files in the JSON report.
    fn paths(&self) -> Vec<String> {
        let json = self.json();
        json["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap().to_string()).collect()
    }

    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

/// Runs `plainly ARGS` in `dir` with a memory limit, no stdin and two worker threads.
fn plainly(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KB} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_plainly"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // Each thread may reserve an allocator arena; a fixed count keeps the limit fair
        // on machines with many cores.
        .env("RAYON_NUM_THREADS", "2")
        .stdin(Stdio::null())
        .output()
        .expect("runs plainly");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, bytes).unwrap();
}

/// `text` repeated and cut to exactly `len` bytes (`text` is ASCII).
fn repeat_to(text: &str, len: usize) -> String {
    let mut out = text.repeat(len / text.len() + 1);
    out.truncate(len);
    out
}

/// The diagnostics of the only file in a JSON report.
fn diagnostics(run: &Run) -> Vec<Value> {
    let json = run.json();
    assert_eq!(json["files"].as_array().unwrap().len(), 1, "{}", run.stdout);
    json["files"][0]["diagnostics"].as_array().unwrap().clone()
}

fn rules(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics.iter().map(|d| d["rule"].as_str().unwrap()).collect()
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: 100 MB on paper, 8 KiB of text on disk. Only that start is read (to tell a
    // binary file from text); were the rest read, it would be NULs (binary).
    fs::write(dir.path().join("big.txt"), "Plain text. ".repeat(700)).unwrap();
    let file = fs::OpenOptions::new().write(true).open(dir.path().join("big.txt")).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap();
    let run = plainly(dir.path(), &["check", "--format", "json", "big.txt"]);
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        "plainly: big.txt: file is 104857600 bytes, over the 10485760-byte limit (raise `max-file-size` in plainly.toml)\n"
    );
    assert_eq!(run.paths(), Vec::<String>::new());
}

#[test]
fn raising_max_file_size_lets_a_12_mb_file_through() {
    let dir = tempfile::tempdir().unwrap();
    // A short ask and 12 MB of pasted code: big, but quick to check.
    let code = repeat_to("let total = compute(items); // a pasted line of code\n", 12_000_000);
    write(dir.path(), "big.md", format!("Can you review this ASAP?\n\n```\n{code}```\n"));

    let refused = plainly(dir.path(), &["check", "--format", "json", "big.md"]);
    assert_eq!(refused.code, Some(2));
    assert!(refused.stderr.starts_with("plainly: big.md: file is 12000"), "{}", refused.stderr);

    write(dir.path(), "plainly.toml", "max-file-size = 20_000_000\n");
    let run = plainly(dir.path(), &["check", "--format", "json", "big.md"]);
    assert_eq!(run.stderr, "");
    // A vague deadline is info in docs.
    assert_eq!(run.code, Some(0));
    let found = diagnostics(&run);
    assert_eq!(rules(&found), ["vague-deadline"]);
    assert_eq!(found[0]["range"]["start"]["offset"], 20);
}

#[test]
fn a_5_mb_single_line_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    // A million words of questions on one line: every sentence is an ask.
    write(dir.path(), "line.txt", repeat_to("Could you check the plan? It looks fine to me. ", 5_000_000));
    let run = plainly(dir.path(), &["check", "--format", "json", "line.txt"]);
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, Some(1));
    assert!(run.json()["files"][0]["words"].as_u64().unwrap() > 1_000_000);
    let found = diagnostics(&run);
    assert!(rules(&found).contains(&"wall-of-text"), "{:?}", rules(&found));
    assert!(found.iter().all(|d| d["range"]["start"]["line"] == 1));
}

/// A pasted log or minified text: one 1 MB run of words with no sentence end, holding
/// what every rule looks for (times, vague words, asks, blockers, labels, acronyms, a
/// chat stamp, a zone cue). Every scan that looked across the whole sentence for each
/// match made this quadratic (89 s for 2 MB); it must stay linear (`bench/run.sh line`
/// measures it), and here it must simply finish with the sentence reported.
#[test]
fn a_1_mb_run_of_words_with_everything_rules_look_for_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let words = "Hi all can someone review the close report ASAP we are blocked on finance FIRST: \
                 hop on a quick call at 3pm tomorrow [17:02] <kim> all times are in PT the PRD and \
                 the doc I shared as discussed by Friday EOD soon circle back MG ";
    write(dir.path(), "line.txt", repeat_to(words, 1_000_000));
    let run = plainly(dir.path(), &["check", "--format", "json", "line.txt"]);
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, Some(1));
    let found = diagnostics(&run);
    assert!(rules(&found).contains(&"long-sentence"), "{:?}", rules(&found));
}

/// Each diagnostic's excerpt once copied the whole lines it covers, so 5,000 findings
/// on one 5 MB line copied 25 GB; long lines are now cut to a window around the span.
#[test]
fn a_5_mb_single_line_full_of_findings_is_reported_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let chunk = format!("Ship it ASAP. {}", "The plan looks fine to me. ".repeat(37));
    write(dir.path(), "line.txt", repeat_to(&chunk, 5_000_000));
    let run = plainly(dir.path(), &["check", "--format", "json", "line.txt"]);
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, Some(1));
    let vague = diagnostics(&run).iter().filter(|d| d["rule"] == "vague-deadline").count();
    assert_eq!(vague, 5_000_000_usize.div_ceil(chunk.len()));
}

#[test]
fn a_hundred_thousand_nesting_levels_are_parsed() {
    const LEVELS: usize = 100_000;
    let dir = tempfile::tempdir().unwrap();
    let ask = "Can you review this ASAP?\n";
    let cases = [
        ("quotes.md", ">".repeat(LEVELS) + " "),
        ("lists.md", "- ".repeat(LEVELS)),
        ("ordered.md", "1. ".repeat(LEVELS)),
        ("mixed.md", "> - ".repeat(LEVELS)),
        ("lists.txt", "- ".repeat(LEVELS)),
    ];
    for (name, prefix) in &cases {
        write(dir.path(), name, format!("{prefix}{ask}"));
    }
    for (name, prefix) in &cases {
        let run = plainly(dir.path(), &["check", "--format", "json", name]);
        assert_eq!(run.stderr, "", "{name}");
        let found = diagnostics(&run);
        // The innermost text is still prose, at its own offset.
        let vague: Vec<&Value> = found.iter().filter(|d| d["rule"] == "vague-deadline").collect();
        assert_eq!(vague.len(), 1, "{name}: {:?}", rules(&found));
        assert_eq!(vague[0]["range"]["start"]["offset"], prefix.len() + ask.find("ASAP").unwrap(), "{name}");
    }
    // Quoted text in a message is somebody else's words, however deep.
    write(dir.path(), "quotes.txt", format!("{}{ask}", ">".repeat(LEVELS)));
    let run = plainly(dir.path(), &["check", "--format", "json", "quotes.txt"]);
    assert_eq!(run.stderr, "");
    assert_eq!(run.json()["files"][0]["words"], 0);
}

#[test]
fn nul_bytes_and_binary_data_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "image.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
    write(dir.path(), "nul.txt", b"Hi\0there, can you review this ASAP?\n");
    for name in ["image.md", "nul.txt"] {
        let run = plainly(dir.path(), &["check", name]);
        assert_eq!(run.code, Some(2));
        assert_eq!(run.stderr, format!("plainly: {name}: binary file (contains NUL bytes); not checked\n"));
    }
}

#[test]
fn a_nul_byte_past_the_sniffed_start_is_text() {
    // Like git, plainly sniffs the first 8 KiB for NUL; past that, a NUL is a character.
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{}\0\n\nCan you review this ASAP?\n", repeat_to("The plan is fine. ", 9000));
    write(dir.path(), "late.txt", &text);
    let run = plainly(dir.path(), &["check", "--format", "json", "late.txt"]);
    assert_eq!(run.stderr, "");
    let found = diagnostics(&run);
    let vague = found.iter().find(|d| d["rule"] == "vague-deadline").expect("ASAP is flagged");
    assert_eq!(vague["range"]["start"]["offset"], text.find("ASAP").unwrap());
}

#[test]
fn invalid_utf8_mid_file_names_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = repeat_to("Can you review this by Friday 15:00 UTC?\n", 12_300).into_bytes();
    bytes.extend_from_slice(b"caf\xE9 au lait\n");
    write(dir.path(), "notes.txt", bytes);
    let run = plainly(dir.path(), &["check", "notes.txt"]);
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stderr, "plainly: notes.txt: not valid UTF-8 at byte 12303\n");
}

#[test]
fn utf16_with_a_bom_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{feff}Can you review this ASAP?\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    write(dir.path(), "le.txt", le);
    write(dir.path(), "be.md", be);
    for name in ["le.txt", "be.md"] {
        let run = plainly(dir.path(), &["check", name]);
        assert_eq!(run.code, Some(2));
        assert_eq!(run.stderr, format!("plainly: {name}: UTF-16 text is not supported; save the file as UTF-8\n"));
    }
}

#[test]
fn cr_only_line_ends_are_checked() {
    // Markdown's block rules treat a lone CR as a line end, so the paragraphs are read
    // right; positions follow the documented rule that only `\n` starts a line.
    let dir = tempfile::tempdir().unwrap();
    let text = "Hi team,\r\rCan you review the plan ASAP?\rThanks\r";
    write(dir.path(), "mac.txt", text);
    let run = plainly(dir.path(), &["check", "--format", "json", "mac.txt"]);
    assert_eq!(run.stderr, "");
    let found = diagnostics(&run);
    let vague = found.iter().find(|d| d["rule"] == "vague-deadline").expect("ASAP is flagged");
    let offset = text.find("ASAP").unwrap();
    assert_eq!(vague["range"]["start"]["offset"], offset);
    assert_eq!(vague["range"]["start"]["line"], 1);
    assert_eq!(vague["range"]["start"]["column"], offset + 1);
    assert_eq!(run.json()["files"][0]["words"], 9);
}

#[test]
fn symlink_loops_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "notes/good.md", "Can you review this ASAP?\n");
    symlink("b.md", root.join("notes/a.md")).unwrap();
    symlink("a.md", root.join("notes/b.md")).unwrap();
    symlink("self.md", root.join("notes/self.md")).unwrap();
    symlink("..", root.join("notes/up")).unwrap();
    symlink(".", root.join("notes/here")).unwrap();

    let walk = plainly(root, &["check", "--format", "json", "notes"]);
    assert_eq!(walk.stderr, "");
    assert_eq!(walk.paths(), ["notes/good.md"]);

    // Named on the command line, a loop is one error line and the other file is checked.
    let named = plainly(root, &["check", "--format", "json", "notes/a.md", "notes/good.md"]);
    assert_eq!(named.code, Some(2));
    let lines = named.stderr_lines();
    assert_eq!(lines.len(), 1, "{}", named.stderr);
    assert!(lines[0].starts_with("plainly: notes/a.md: "), "{}", named.stderr);
    assert_eq!(named.paths(), ["notes/good.md"]);
}

#[test]
fn an_unreadable_file_costs_one_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "secret.md", "Can you review this ASAP?\n");
    write(dir.path(), "open.md", "Can you review this ASAP?\n");
    let secret = dir.path().join("secret.md");
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&secret).is_ok() {
        // Root reads anything, whatever the mode says.
        skip::because("secret.md is still readable with mode 000 (running as root?)");
        return;
    }
    let run = plainly(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stderr, "plainly: secret.md: cannot read: Permission denied\n");
    assert_eq!(run.paths(), ["open.md"]);
}

#[test]
fn one_bad_file_costs_one_line_and_the_rest_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a-binary.md", b"\0\x01\x02");
    write(root, "b-latin1.txt", b"caf\xE9\n");
    write(root, "c-utf16.txt", b"\xFF\xFEh\0i\0");
    write(root, "d-good.md", "Can you review this ASAP?\n");
    write(root, "e-good.txt", "Can you review this by Friday 15:00 UTC?\n");
    let run = plainly(root, &["check", "--format", "json", "."]);
    assert_eq!(run.code, Some(2));
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    for (line, name) in lines.iter().zip(["a-binary.md", "b-latin1.txt", "c-utf16.txt"]) {
        assert!(line.starts_with(&format!("plainly: {name}: ")), "{line}");
    }
    assert_eq!(run.paths(), ["d-good.md", "e-good.txt"]);
}

#[test]
fn a_folder_of_many_small_files_is_checked() {
    let count: usize = std::env::var("PLAINLY_HOSTILE_FILES").ok().and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let dir = tempfile::tempdir().unwrap();
    for i in 0..count {
        write(
            dir.path(),
            &format!("d{:03}/m{i:06}.txt", i % 100),
            format!("Can you review the plan by Friday 15:00 UTC? Thanks, item {i}.\n"),
        );
    }
    let run = plainly(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, Some(0));
    let json = run.json();
    assert_eq!(json["summary"]["files"], count);
    let paths = run.paths();
    assert!(paths.windows(2).all(|w| w[0] < w[1]), "files are reported in path order");
}

#[test]
fn an_endless_device_is_refused_at_the_size_limit() {
    if !Path::new("/dev/zero").exists() {
        skip::because("no /dev/zero");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let run = plainly(dir.path(), &["check", "/dev/zero"]);
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        "plainly: /dev/zero: gives more than 10485760 bytes, the limit (raise `max-file-size` in plainly.toml)\n"
    );
}

#[test]
fn a_rule_file_with_an_invalid_regex_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plainly.toml", "rule-files = [\"team.toml\"]\n");
    write(
        dir.path(),
        "team.toml",
        "[[jargon]]\nmatch = [\"tiger team\"]\ninstead = [\"task force\"]\n\n\
         [[jargon]]\npattern = 'synerg(y|ies'\ninstead = [\"cooperation\"]\n",
    );
    write(dir.path(), "note.txt", "Can you review this by Friday 15:00 UTC?\n");
    let run = plainly(dir.path(), &["check", "note.txt"]);
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stderr, "plainly: team.toml:6:11: invalid pattern \"synerg(y|ies\": unclosed group\n");
}

#[test]
fn a_rule_file_with_a_million_phrases_works_or_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let phrases = |count: usize| {
        let list: Vec<String> = (0..count).map(|i| format!("\"p{i}\"")).collect();
        format!("[[jargon]]\nmatch = [{}]\ninstead = [\"x\"]\n", list.join(", "))
    };
    write(dir.path(), "plainly.toml", "rule-files = [\"team.toml\"]\n");
    write(dir.path(), "note.txt", "Can you review p17 by Friday 15:00 UTC?\n");

    // Just under the cap, with the built-in lists: checked, and the phrase is found.
    write(dir.path(), "team.toml", phrases(990_000));
    let run = plainly(dir.path(), &["check", "--format", "json", "note.txt"]);
    assert_eq!(run.stderr, "");
    let found = diagnostics(&run);
    assert_eq!(rules(&found), ["jargon"]);
    assert_eq!(found[0]["range"]["start"]["offset"], 15);

    // Over it: one line naming the file.
    write(dir.path(), "team.toml", phrases(1_000_001));
    let run = plainly(dir.path(), &["check", "note.txt"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.starts_with("plainly: team.toml: with this file the lists hold 100"), "{}", run.stderr);
    assert!(run.stderr.ends_with(" phrases; at most 1000000 are supported\n"), "{}", run.stderr);

    // Patterns are costlier; a rule file of them is refused long before a million.
    write(dir.path(), "team.toml", "[[jargon]]\npattern = 'p[0-9]+'\ninstead = [\"x\"]\n".repeat(10_001));
    let run = plainly(dir.path(), &["check", "note.txt"]);
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stderr, "plainly: team.toml: too many patterns (10001); the lists take at most 10000\n");
}

#[test]
fn a_config_with_wrong_types_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "note.txt", "Can you review this by Friday 15:00 UTC?\n");
    let cases = [
        ("glossary = \"KEP\"\n", "plainly.toml:1:12: invalid type: string \"KEP\", expected a sequence"),
        ("max-file-size = \"big\"\n", "plainly.toml:1:17: invalid type: string \"big\", expected i64"),
        ("max-file-size = -1\n", "plainly.toml:1:17: max-file-size must be a positive number of bytes"),
        ("exclude = [1, 2]\n", "plainly.toml:1:12: invalid type: integer `1`, expected a string"),
        (
            "[rules]\nlong-sentence = { max-words = \"x\" }\n",
            "plainly.toml:2:31: `max-words` must be a whole number of at least 1",
        ),
        ("[profiles]\n\"docs/**\" = 3\n", "plainly.toml:2:1: profile for \"docs/**\" must be a string"),
    ];
    for (config, error) in cases {
        write(dir.path(), "plainly.toml", config);
        let run = plainly(dir.path(), &["check", "note.txt"]);
        assert_eq!(run.code, Some(2), "{config}");
        let lines = run.stderr_lines();
        assert_eq!(lines.len(), 1, "{config}: {}", run.stderr);
        assert!(lines[0].starts_with(&format!("plainly: {error}")), "{config}: {}", run.stderr);
    }
}
