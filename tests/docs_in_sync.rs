//! The README's rule table is generated from the rules' metadata. If it is out of date,
//! this test rewrites it and fails, so the next run (and the commit) has it right
//! (rust-analyzer's `ensure_file_contents`).

use std::path::Path;
use std::process::Command;

const START: &str = "<!-- rules:start -->\n";
const END: &str = "<!-- rules:end -->";

#[test]
fn readme_rule_table_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme.find(START).expect("README.md has a rules:start marker") + START.len();
    let end = readme.find(END).expect("README.md has a rules:end marker");
    let expected = plainly::docs::readme_table();
    if readme[start..end] != expected {
        let updated = format!("{}{}{}", &readme[..start], expected, &readme[end..]);
        std::fs::write(&path, updated).unwrap();
        panic!("README.md was out of date; updated it, commit the change");
    }
}

#[test]
fn every_rule_has_an_explain_page() {
    for rule in plainly::rules::ALL {
        let page = plainly::docs::explain(rule.meta());
        assert!(page.starts_with(&format!("# {}\n", rule.meta().id)));
        assert!(page.contains("Score weight"));
        assert!(page.contains("## Flagged") && page.contains("## Fine"));
    }
}

/// The ```console block in README.md that starts with `first`, without the fences.
fn console_block<'a>(readme: &'a str, first: &str) -> &'a str {
    let start = readme.find(&format!("```console\n{first}\n")).unwrap_or_else(|| panic!("no sample of {first}"));
    let body = &readme[start + "```console\n".len()..];
    &body[..body.find("\n```").expect("the block ends")]
}

/// Asserts that every stretch of `sample` between lines of "…" appears in `output`, in order.
fn assert_excerpt_of(sample: &str, output: &str) {
    let mut rest = output;
    for chunk in sample.split("…").map(|chunk| chunk.trim_matches('\n')).filter(|chunk| !chunk.is_empty()) {
        let at = rest.find(chunk).unwrap_or_else(|| panic!("README.md shows\n{chunk}\n\nbut plainly prints\n{output}"));
        rest = &rest[at + chunk.len()..];
    }
}

#[test]
fn readme_samples_are_real_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();

    let command = "$ plainly check examples/draft.txt";
    let sample = console_block(&readme, command).strip_prefix(command).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_plainly"))
        .args(["check", "examples/draft.txt"])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "the README says the draft exits 1");
    assert_excerpt_of(sample, &String::from_utf8(output.stdout).unwrap());

    // The team-time sample, with the config the README shows and a winter day (CET).
    let block = console_block(&readme, "$ cat invite.txt");
    let (cat, diff) = block.split_once("\n$ plainly check --fix --diff invite.txt\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("invite.txt"), format!("{}\n", cat.strip_prefix("$ cat invite.txt\n").unwrap()))
        .unwrap();
    std::fs::write(dir.path().join("plainly.toml"), "[team]\ntimezone = \"Europe/Berlin\"\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_plainly"))
        .args(["check", "--fix", "--diff", "invite.txt"])
        .env("PLAINLY_TODAY", "2026-11-25")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap().trim_end(), diff);

    // The analyze sample: the message is piped in.
    let prefix = "$ echo \"";
    let start = readme.find(&format!("```console\n{prefix}")).expect("an analyze sample") + "```console\n".len();
    let block = &readme[start..];
    let block = &block[..block.find("\n```").expect("the block ends")];
    let (command, sample) = block.split_once('\n').unwrap();
    let message = command.strip_prefix(prefix).and_then(|c| c.strip_suffix("\" | plainly analyze -")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_plainly"))
        .args(["analyze", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), format!("{message}\n").as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_excerpt_of(sample, &String::from_utf8(output.stdout).unwrap());
}
