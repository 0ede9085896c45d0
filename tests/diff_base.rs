//! `--diff-base` on real git repositories made in temporary folders: only findings on
//! changed lines are reported, whether the change is committed, staged, unstaged, a
//! rename, an added or untracked file; deleted files are skipped; errors are clear.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

/// A git repository in a temporary folder, isolated from the user's git config.
struct Repo {
    dir: TempDir,
}

/// Environment that keeps git away from the machine's own config and repositories.
fn isolate<'a>(command: &'a mut Command, dir: &Path) -> &'a mut Command {
    command
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CEILING_DIRECTORIES", dir.parent().unwrap_or(dir))
        .env("GIT_AUTHOR_NAME", "Sam")
        .env("GIT_AUTHOR_EMAIL", "sam@example.com")
        .env("GIT_COMMITTER_NAME", "Sam")
        .env("GIT_COMMITTER_EMAIL", "sam@example.com")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo::bare_folder();
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    /// A temporary folder that is not (in) a repository.
    fn bare_folder() -> Repo {
        Repo { dir: tempfile::tempdir().expect("temp dir") }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.path().join(path);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    fn git(&self, args: &[&str]) -> String {
        let output = isolate(&mut Command::new("git"), self.path())
            .args(args)
            .current_dir(self.path())
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--no-gpg-sign", "-m", message]);
    }

    fn plainly(&self, args: &[&str]) -> Output {
        isolate(&mut Command::new(env!("CARGO_BIN_EXE_plainly")), self.path())
            .args(args)
            .current_dir(self.path())
            .stdin(std::process::Stdio::null())
            .output()
            .expect("plainly runs")
    }

    /// `(path, line, rule)` of every finding `--format json` reports with `args`.
    fn findings(&self, args: &[&str]) -> Vec<(String, u64, String)> {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        let output = self.plainly(&all);
        assert_ne!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
        let report: Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
        let mut found = Vec::new();
        for file in report["files"].as_array().expect("files") {
            for d in file["diagnostics"].as_array().expect("diagnostics") {
                found.push((
                    file["path"].as_str().expect("path").to_string(),
                    d["range"]["start"]["line"].as_u64().expect("line"),
                    d["rule"].as_str().expect("rule").to_string(),
                ));
            }
        }
        found
    }

    /// The distinct lines of the findings reported in `path`.
    fn lines(&self, args: &[&str], path: &str) -> Vec<u64> {
        let mut lines: Vec<u64> = self.findings(args).into_iter().filter(|f| f.0 == path).map(|f| f.1).collect();
        lines.dedup();
        lines
    }
}

/// A docs page whose every paragraph has findings (jargon and a time with no zone), one
/// paragraph every other line: paragraph N is on line 2N-1.
fn long_page(paragraphs: usize) -> String {
    (1..=paragraphs).map(|n| format!("Paragraph {n}: we leverage the cache at 3pm.\n\n")).collect()
}

/// `page` with paragraph `n` replaced by `text`.
fn replace_paragraph(page: &str, n: usize, text: &str) -> String {
    page.replace(&format!("Paragraph {n}: we leverage the cache at 3pm."), text)
}

/// A repository with a committed long page on `main`, and a branch `feature` checked out.
fn repo_with_page() -> (Repo, String) {
    let repo = Repo::new();
    let page = long_page(30);
    repo.write("docs/guide.md", &page);
    repo.write("README.md", "Fine.\n");
    repo.commit("docs");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    (repo, page)
}

#[test]
fn editing_one_line_of_a_long_file_reports_only_that_line() {
    let (repo, page) = repo_with_page();
    assert_eq!(repo.lines(&["."], "docs/guide.md").len(), 30, "every paragraph has findings");
    repo.write("docs/guide.md", &replace_paragraph(&page, 12, "Paragraph 12: we leverage the index at 4pm."));
    repo.commit("edit");

    let found = repo.findings(&["--diff-base", "main", "."]);
    let mut rules: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
    rules.sort_unstable();
    assert_eq!(rules, ["jargon", "time-zone"]);
    assert!(found.iter().all(|f| f.0 == "docs/guide.md" && f.1 == 23), "{found:?}");
}

#[test]
fn paths_are_relative_to_the_folder_plainly_runs_in() {
    let (repo, page) = repo_with_page();
    repo.write("docs/guide.md", &replace_paragraph(&page, 2, "Paragraph 2: we leverage it at 1pm."));
    let output = isolate(&mut Command::new(env!("CARGO_BIN_EXE_plainly")), repo.path())
        .args(["check", "--format", "json", "--diff-base", "main", "guide.md"])
        .current_dir(repo.path().join("docs"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("plainly runs");
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let lines: Vec<u64> = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["range"]["start"]["line"].as_u64())
        .collect();
    assert_eq!(lines, [3, 3]);
}

#[test]
fn unchanged_files_are_left_out_and_keep_their_score() {
    let (repo, page) = repo_with_page();
    repo.write("docs/guide.md", &replace_paragraph(&page, 1, "Paragraph 1: all good."));
    let output = repo.plainly(&["check", "--format", "json", "--diff-base", "main", "."]);
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let files = report["files"].as_array().expect("files");
    assert_eq!(files.len(), 1, "README.md did not change: {files:?}");
    assert_eq!(files[0]["path"], "docs/guide.md");
    assert!(files[0]["diagnostics"].as_array().expect("array").is_empty());
    // The file's score is the file's, not the change's.
    assert!(files[0]["score"].as_u64().expect("score") < 100);
    assert_eq!(output.status.code(), Some(0), "nothing is reported, so nothing fails");
}

#[test]
fn committed_staged_and_unstaged_changes_all_count() {
    let (repo, page) = repo_with_page();
    let committed = replace_paragraph(&page, 3, "Paragraph 3: we leverage it at 5pm.");
    repo.write("docs/guide.md", &committed);
    repo.commit("committed");
    let staged = replace_paragraph(&committed, 10, "Paragraph 10: we leverage it at 6pm.");
    repo.write("docs/guide.md", &staged);
    repo.git(&["add", "docs/guide.md"]);
    let unstaged = replace_paragraph(&staged, 20, "Paragraph 20: we leverage it at 7pm.");
    repo.write("docs/guide.md", &unstaged);

    assert_eq!(repo.lines(&["--diff-base", "main", "."], "docs/guide.md"), [5, 19, 39]);
    // Against HEAD, the committed change is history.
    assert_eq!(repo.lines(&["--diff-base", "HEAD", "."], "docs/guide.md"), [19, 39]);
}

#[test]
fn the_base_is_the_merge_base_not_the_branch_tip() {
    let (repo, page) = repo_with_page();
    repo.write("docs/guide.md", &replace_paragraph(&page, 20, "Paragraph 20: we leverage it at 7pm."));
    repo.commit("feature work");
    // main moves on after the branch: its edit is not the branch's change.
    repo.git(&["checkout", "-q", "main"]);
    repo.write("docs/guide.md", &replace_paragraph(&page, 2, "Paragraph 2: main's own edit at 1pm."));
    repo.commit("main work");
    repo.git(&["checkout", "-q", "feature"]);

    assert_eq!(repo.lines(&["--diff-base", "main", "."], "docs/guide.md"), [39]);
}

#[test]
fn a_renamed_file_reports_only_its_edited_lines_under_its_new_name() {
    let (repo, page) = repo_with_page();
    repo.git(&["mv", "docs/guide.md", "docs/handbook.md"]);
    repo.write("docs/handbook.md", &replace_paragraph(&page, 7, "Paragraph 7: we leverage the cache at 8pm."));
    repo.commit("rename");

    let found = repo.findings(&["--diff-base", "main", "docs"]);
    assert!(!found.is_empty());
    assert!(found.iter().all(|f| f.0 == "docs/handbook.md" && f.1 == 13), "{found:?}");
}

#[test]
fn a_pure_rename_changes_no_line() {
    let (repo, _) = repo_with_page();
    repo.git(&["mv", "docs/guide.md", "docs/moved.md"]);
    repo.commit("move");
    assert_eq!(repo.findings(&["--diff-base", "main", "."]), []);
}

#[test]
fn added_and_untracked_files_are_wholly_new() {
    let (repo, _) = repo_with_page();
    repo.write("docs/added.md", &long_page(3));
    repo.commit("add");
    repo.write("docs/untracked.md", &long_page(2));
    // An ignored file is not part of the change.
    repo.write(".gitignore", "ignored.md\n");
    repo.write("docs/ignored.md", &long_page(2));

    assert_eq!(repo.lines(&["--diff-base", "main", "docs"], "docs/added.md"), [1, 3, 5]);
    assert_eq!(repo.lines(&["--diff-base", "main", "docs"], "docs/untracked.md"), [1, 3]);
    assert_eq!(repo.lines(&["--diff-base", "main", "docs/ignored.md"], "docs/ignored.md"), Vec::<u64>::new());
    assert_eq!(repo.lines(&["--diff-base", "main", "docs"], "docs/guide.md"), Vec::<u64>::new());
}

#[test]
fn deleted_files_are_skipped() {
    let (repo, page) = repo_with_page();
    repo.write("docs/other.md", &page);
    repo.commit("other");
    repo.git(&["checkout", "-q", "-b", "delete"]);
    repo.git(&["rm", "-q", "docs/other.md"]);
    repo.commit("delete");
    // Deleted in the work tree only, too.
    std::fs::remove_file(repo.path().join("docs/guide.md")).expect("rm");

    let output = repo.plainly(&["check", "--format", "json", "--diff-base", "feature", "."]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["files"], Value::Array(Vec::new()));
}

#[test]
fn a_whole_message_finding_is_reported_when_its_message_changed() {
    let repo = Repo::new();
    let before = "\
We shipped the importer on Monday and the reconciliation matched every invoice.
The adapter now rounds once, and the rerun is clean. We will circle back on pricing.

Can you confirm the numbers by Friday 15:00 UTC?
";
    repo.write("notes/update.txt", before);
    repo.commit("message");
    assert!(repo.findings(&["notes"]).iter().all(|f| f.2 != "missing-ask"));

    // Deleting the only question makes the message ask nothing: missing-ask points at the
    // first sentence, which did not change, and is still the change's doing.
    let after = before.replace("\nCan you confirm the numbers by Friday 15:00 UTC?\n", "");
    repo.write("notes/update.txt", &after);
    let found = repo.findings(&["--diff-base", "HEAD", "notes"]);
    assert!(found.iter().any(|f| f.2 == "missing-ask" && f.1 == 1), "{found:?}");
    // A finding about text on an unchanged line is not.
    assert!(found.iter().all(|f| f.2 != "jargon"), "{found:?}");
}

#[test]
fn stdin_counts_as_changed() {
    let (repo, _) = repo_with_page();
    let output = isolate(&mut Command::new(env!("CARGO_BIN_EXE_plainly")), repo.path())
        .args(["check", "--format", "json", "--diff-base", "main", "-"])
        .current_dir(repo.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().expect("piped").write_all(b"Ship it ASAP, please.")?;
            child.wait_with_output()
        })
        .expect("plainly runs");
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["summary"]["diagnostics"], 1);
}

#[test]
fn outside_a_repository_is_a_clear_error() {
    let folder = Repo::bare_folder();
    folder.write("a.md", "We leverage it.\n");
    let output = folder.plainly(&["check", "--diff-base", "main", "a.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "plainly: --diff-base: the current folder is not in a git repository\n"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn an_unknown_revision_is_a_clear_error() {
    let (repo, _) = repo_with_page();
    for rev in ["no-such-branch", "--help", ""] {
        let output = repo.plainly(&["check", &format!("--diff-base={rev}"), "."]);
        assert_eq!(output.status.code(), Some(2), "{rev}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            format!("plainly: --diff-base: unknown revision `{rev}`\n")
        );
    }
}

#[test]
fn unrelated_history_is_a_clear_error() {
    let (repo, _) = repo_with_page();
    repo.git(&["checkout", "-q", "--orphan", "other"]);
    repo.commit("unrelated");
    repo.git(&["checkout", "-q", "feature"]);
    let output = repo.plainly(&["check", "--diff-base", "other", "."]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "plainly: --diff-base: `other` and HEAD have no common history\n"
    );
}
