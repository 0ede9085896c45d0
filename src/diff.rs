//! `--diff-base REV`: the lines changed since the merge base of REV and HEAD, so a pull
//! request is checked only where it changed the text.
//!
//! "Changed" covers what `git diff <merge-base>` shows against the work tree (committed,
//! staged and unstaged changes; a renamed file under its new name, with only its edited
//! lines; a file added in the branch as all new lines) plus untracked files that are not
//! ignored, which count as wholly changed. Deleted files are not there to check. Git runs
//! as a subprocess; its `--unified=0` hunk headers are all we read.
//!
//! A finding about a stretch of text is kept when its lines overlap a changed line, or
//! straddle a place where lines were deleted. A finding about the whole message
//! ([`Scope::Message`]: missing-ask, too-long, buried-*, …) is kept when its file changed
//! at all, since an edit anywhere can cause it (delete the only question, and the message
//! asks nothing).

use std::collections::HashMap;
use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

use crate::output::{Diagnostic, FileReport};
use crate::rules::{self, Scope};

/// Lines on the new side of a hunk: `count` lines from 1-based `start`. A hunk that only
/// deletes has `count` 0, and its lines were removed just after line `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hunk {
    /// First new line (1-based); for a deletion, the line before the deleted ones.
    pub start: usize,
    /// Number of new lines.
    pub count: usize,
}

/// How one file changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileChange {
    /// Not tracked by git (and not ignored): every line is new.
    Untracked,
    /// The changed lines of a tracked file (or one added since the merge base).
    Hunks(Vec<Hunk>),
}

impl FileChange {
    /// Whether a finding over lines `first..=last` (1-based) touches a change.
    pub fn touches(&self, first: usize, last: usize) -> bool {
        match self {
            FileChange::Untracked => true,
            FileChange::Hunks(hunks) => hunks.iter().any(|hunk| {
                if hunk.count == 0 {
                    first <= hunk.start && hunk.start < last
                } else {
                    hunk.start <= last && first < hunk.start + hunk.count
                }
            }),
        }
    }
}

/// The files changed since a merge base, by path relative to the repository's root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedLines {
    /// The repository's root, canonical.
    root: PathBuf,
    /// The folder relative paths are resolved against, canonical.
    base_dir: PathBuf,
    /// Repository-relative paths with `/` separators.
    files: HashMap<String, FileChange>,
}

/// Why the changed lines could not be found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiffError {
    /// The folder is not inside a git work tree.
    NotARepository(PathBuf),
    /// The revision does not name a commit.
    UnknownRevision(String),
    /// The revision and HEAD share no history.
    NoMergeBase(String),
    /// Git could not be run, or failed for another reason.
    Git(String),
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiffError::NotARepository(dir) if dir == Path::new(".") => {
                f.write_str("--diff-base: the current folder is not in a git repository")
            }
            DiffError::NotARepository(dir) => {
                write!(f, "--diff-base: {} is not in a git repository", dir.display())
            }
            DiffError::UnknownRevision(rev) => write!(f, "--diff-base: unknown revision `{rev}`"),
            DiffError::NoMergeBase(rev) => write!(f, "--diff-base: `{rev}` and HEAD have no common history"),
            DiffError::Git(message) => write!(f, "--diff-base: {message}"),
        }
    }
}

impl std::error::Error for DiffError {}

impl ChangedLines {
    /// The changes in the repository holding `dir` since the merge base of `rev` and HEAD.
    /// Relative paths given to [`ChangedLines::file`] are resolved against `dir`.
    pub fn since(rev: &str, dir: &Path) -> Result<ChangedLines, DiffError> {
        let toplevel = git(dir, &["rev-parse", "--show-toplevel"])
            .map_err(|failure| failure.into_error(DiffError::NotARepository(dir.to_path_buf())))?;
        let root = PathBuf::from(String::from_utf8_lossy(&toplevel).trim_end_matches(['\n', '\r']));
        // A revision starting with `-` would be read as an option.
        if rev.is_empty() || rev.starts_with('-') {
            return Err(DiffError::UnknownRevision(rev.to_string()));
        }
        let commit = git(&root, &["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")])
            .map_err(|failure| failure.into_error(DiffError::UnknownRevision(rev.to_string())))?;
        let commit = String::from_utf8_lossy(&commit).trim().to_string();
        let base = git(&root, &["merge-base", &commit, "HEAD"]).map_err(|failure| match failure {
            // merge-base exits 1, saying nothing, when there is no common ancestor.
            GitFailure::Status { code: Some(1), stderr } if stderr.trim().is_empty() => {
                DiffError::NoMergeBase(rev.to_string())
            }
            other => other.into_error(DiffError::Git(format!("cannot find the merge base of `{rev}` and HEAD"))),
        })?;
        let base = String::from_utf8_lossy(&base).trim().to_string();
        let diff = git(
            &root,
            &[
                // Non-ASCII names as they are; names with quotes or control characters
                // are still C-quoted, and `unquote` reads them.
                "-c",
                "core.quotePath=false",
                "diff",
                "--unified=0",
                "-M",
                "--no-color",
                "--no-ext-diff",
                "--no-textconv",
                "--no-relative",
                // Fixed prefixes, whatever diff.noprefix or diff.mnemonicPrefix say.
                "--src-prefix=a/",
                "--dst-prefix=b/",
                &base,
                "--",
            ],
        )
        .map_err(|failure| failure.into_error(DiffError::Git(format!("cannot diff against {base}"))))?;
        let untracked = git(&root, &["ls-files", "--others", "--exclude-standard", "-z"])
            .map_err(|failure| failure.into_error(DiffError::Git("cannot list untracked files".into())))?;
        let mut changed = ChangedLines::parse(&String::from_utf8_lossy(&diff), &String::from_utf8_lossy(&untracked));
        changed.root = root.canonicalize().unwrap_or(root);
        changed.base_dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        Ok(changed)
    }

    /// Reads `git diff --unified=0` output and NUL-separated untracked paths. Paths are
    /// resolved against the current folder until [`ChangedLines::since`] sets a root.
    pub fn parse(diff: &str, untracked: &str) -> ChangedLines {
        let mut files: HashMap<String, FileChange> =
            parse_diff(diff).into_iter().map(|(path, hunks)| (path, FileChange::Hunks(hunks))).collect();
        for path in untracked.split('\0').filter(|p| !p.is_empty()) {
            files.insert(path.to_string(), FileChange::Untracked);
        }
        ChangedLines { root: PathBuf::from("."), base_dir: PathBuf::from("."), files }
    }

    /// How the file at `path` (relative to the folder given to `since`, or absolute)
    /// changed, or `None` when it did not (or is outside the repository).
    pub fn file(&self, path: &Path) -> Option<&FileChange> {
        let absolute = self.base_dir.join(path);
        let canonical = absolute.canonicalize().ok()?;
        let relative = canonical.strip_prefix(&self.root).ok()?;
        let key: Vec<String> = relative
            .components()
            .filter_map(|c| match c {
                Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        self.files.get(&key.join("/"))
    }
}

/// Keeps the diagnostics of `report` that touch `change` (see the module docs). The
/// score stays the file's score.
pub fn filter(report: &mut FileReport, change: &FileChange) {
    report.diagnostics.retain(|d| {
        let whole_message = rules::by_id(d.rule).is_some_and(|rule| rule.meta().scope == Scope::Message);
        let (first, last) = lines(d);
        whole_message || change.touches(first, last)
    });
}

/// The 1-based lines a diagnostic covers. A range ending at the start of a line (just
/// after a line break) does not cover that line.
fn lines(d: &Diagnostic) -> (usize, usize) {
    let (start, end) = (d.range.start, d.range.end);
    let last = if end.line > start.line && end.column == 1 { end.line - 1 } else { end.line };
    (start.line, last)
}

/// The new-side path and hunks of each file in a diff. Deleted files are left out.
fn parse_diff(diff: &str) -> Vec<(String, Vec<Hunk>)> {
    let mut files: Vec<(String, Vec<Hunk>)> = Vec::new();
    // In a file's header, only `+++` matters; in a hunk, lines are content until its
    // counts run out, so an added line that reads "++ x" (shown as "+++ x") is not a header.
    let mut current: Option<usize> = None;
    let (mut old_left, mut new_left) = (0usize, 0usize);
    for line in diff.lines() {
        if old_left > 0 || new_left > 0 {
            match line.as_bytes().first() {
                Some(b'-') => old_left = old_left.saturating_sub(1),
                Some(b'+') => new_left = new_left.saturating_sub(1),
                Some(b' ') => {
                    old_left = old_left.saturating_sub(1);
                    new_left = new_left.saturating_sub(1);
                }
                // "\ No newline at end of file"
                _ => {}
            }
            continue;
        }
        if line.starts_with("diff --git ") {
            current = None;
        } else if let Some(name) = line.strip_prefix("+++ ") {
            current = None;
            let name = unquote(name.strip_suffix('\t').unwrap_or(name));
            if let Some(path) = name.strip_prefix("b/") {
                files.push((path.to_string(), Vec::new()));
                current = Some(files.len() - 1);
            }
        } else if let Some(header) = line.strip_prefix("@@ ") {
            let Some((old, new)) = parse_hunk_header(header) else { continue };
            old_left = old.1;
            new_left = new.1;
            if let Some(index) = current {
                files[index].1.push(Hunk { start: new.0, count: new.1 });
            }
        }
    }
    files
}

/// `-a[,b] +c[,d] @@ …` → ((a, b), (c, d)); a missing count is 1.
fn parse_hunk_header(header: &str) -> Option<((usize, usize), (usize, usize))> {
    let mut parts = header.split(' ');
    let old = parse_range(parts.next()?.strip_prefix('-')?)?;
    let new = parse_range(parts.next()?.strip_prefix('+')?)?;
    Some((old, new))
}

fn parse_range(range: &str) -> Option<(usize, usize)> {
    match range.split_once(',') {
        Some((start, count)) => Some((start.parse().ok()?, count.parse().ok()?)),
        None => Some((range.parse().ok()?, 1)),
    }
}

/// Reads a path git printed: as is, or C-quoted (`"a\"b\303\274"`) when it has quotes,
/// backslashes, control characters or (without core.quotePath=false) non-ASCII bytes.
fn unquote(name: &str) -> String {
    let Some(inner) = name.strip_prefix('"').and_then(|n| n.strip_suffix('"')) else {
        return name.to_string();
    };
    let mut bytes = Vec::with_capacity(inner.len());
    let mut chars = inner.bytes().peekable();
    while let Some(byte) = chars.next() {
        if byte != b'\\' {
            bytes.push(byte);
            continue;
        }
        let Some(escaped) = chars.next() else { break };
        let value = match escaped {
            b'a' => 7,
            b'b' => 8,
            b't' => b'\t',
            b'n' => b'\n',
            b'v' => 11,
            b'f' => 12,
            b'r' => b'\r',
            b'0'..=b'7' => {
                let mut value = u32::from(escaped - b'0');
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&digit @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(digit - b'0');
                            chars.next();
                        }
                        _ => break,
                    }
                }
                u8::try_from(value).unwrap_or(b'?')
            }
            other => other,
        };
        bytes.push(value);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// How a git command failed.
enum GitFailure {
    /// Git could not be started.
    Spawn(std::io::Error),
    /// Git ran and exited unsuccessfully.
    Status { code: Option<i32>, stderr: String },
}

impl GitFailure {
    /// The error to report: `expected` when git ran and failed (with git's first line of
    /// stderr added to a generic `DiffError::Git`), or a clear word when git is missing.
    fn into_error(self, expected: DiffError) -> DiffError {
        match (self, expected) {
            (GitFailure::Spawn(err), _) => DiffError::Git(format!("cannot run git: {err}")),
            (GitFailure::Status { code, stderr }, DiffError::Git(ours)) => match stderr.lines().next() {
                Some(theirs) if !theirs.trim().is_empty() => DiffError::Git(format!("{ours}: {}", theirs.trim())),
                _ => DiffError::Git(format!("{ours} (git exited with {code:?})")),
            },
            (GitFailure::Status { .. }, expected) => expected,
        }
    }
}

/// Runs git in `dir` and returns its stdout.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitFailure> {
    let output = Command::new("git").arg("-C").arg(dir).args(args).output().map_err(GitFailure::Spawn)?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(GitFailure::Status {
            code: output.status.code(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIFF: &str = "\
diff --git a/docs/a.md b/docs/a.md
index 1111111..2222222 100644
--- a/docs/a.md
+++ b/docs/a.md
@@ -3 +3 @@ Title
-old line
+new line
@@ -10,2 +9,0 @@
-gone
-gone too
@@ -20,0 +19,3 @@
+++ not a header, an added line
+two
+three
diff --git a/old name.md b/new name.md
similarity index 90%
rename from old name.md
rename to new name.md
index 3333333..4444444 100644
--- a/old name.md\t
+++ b/new name.md\t
@@ -1 +1 @@
-a
+b
diff --git a/pure.md b/moved.md
similarity index 100%
rename from pure.md
rename to moved.md
diff --git a/deleted.md b/deleted.md
deleted file mode 100644
index 5555555..0000000
--- a/deleted.md
+++ /dev/null
@@ -1,2 +0,0 @@
-x
-y
diff --git a/added.md b/added.md
new file mode 100644
index 0000000..6666666
--- /dev/null
+++ b/added.md
@@ -0,0 +1,2 @@
+first
+second
\\ No newline at end of file
diff --git \"a/q\\\"t\\303\\274.md\" \"b/q\\\"t\\303\\274.md\"
--- \"a/q\\\"t\\303\\274.md\"
+++ \"b/q\\\"t\\303\\274.md\"
@@ -1,0 +2 @@
+r
";

    fn paths(changed: &ChangedLines) -> Vec<&str> {
        let mut paths: Vec<&str> = changed.files.keys().map(String::as_str).collect();
        paths.sort_unstable();
        paths
    }

    fn hunks(changed: &ChangedLines, path: &str) -> Vec<Hunk> {
        match changed.files.get(path) {
            Some(FileChange::Hunks(hunks)) => hunks.clone(),
            other => panic!("{path}: {other:?}"),
        }
    }

    #[test]
    fn reads_hunks_renames_additions_and_skips_deletions() {
        let changed = ChangedLines::parse(DIFF, "notes/new.txt\0other.md\0");
        assert_eq!(paths(&changed), ["added.md", "docs/a.md", "new name.md", "notes/new.txt", "other.md", "q\"tü.md"]);
        assert_eq!(
            hunks(&changed, "docs/a.md"),
            [Hunk { start: 3, count: 1 }, Hunk { start: 9, count: 0 }, Hunk { start: 19, count: 3 }]
        );
        assert_eq!(hunks(&changed, "new name.md"), [Hunk { start: 1, count: 1 }]);
        assert_eq!(hunks(&changed, "added.md"), [Hunk { start: 1, count: 2 }]);
        assert_eq!(hunks(&changed, "q\"tü.md"), [Hunk { start: 2, count: 1 }]);
        assert_eq!(changed.files.get("notes/new.txt"), Some(&FileChange::Untracked));
    }

    #[test]
    fn hunk_headers() {
        assert_eq!(parse_hunk_header("-3 +3 @@ Title"), Some(((3, 1), (3, 1))));
        assert_eq!(parse_hunk_header("-10,2 +9,0 @@"), Some(((10, 2), (9, 0))));
        assert_eq!(parse_hunk_header("-0,0 +1,20 @@"), Some(((0, 0), (1, 20))));
        assert_eq!(parse_hunk_header("garbage"), None);
    }

    #[test]
    fn touching() {
        let change = FileChange::Hunks(vec![Hunk { start: 3, count: 2 }, Hunk { start: 9, count: 0 }]);
        assert!(!change.touches(1, 2));
        assert!(change.touches(2, 3));
        assert!(change.touches(4, 4));
        assert!(!change.touches(5, 8));
        // Lines deleted between 9 and 10: a finding over both straddles the deletion.
        assert!(change.touches(9, 10));
        assert!(!change.touches(9, 9));
        assert!(!change.touches(10, 12));
        assert!(FileChange::Untracked.touches(100, 100));
    }

    #[test]
    fn unquotes_c_style_names() {
        assert_eq!(unquote("plain name.md"), "plain name.md");
        assert_eq!(unquote("\"b/a\\\\b\\tc\\\"d\\303\\274\""), "b/a\\b\tc\"dü");
    }

    #[test]
    fn errors_name_the_problem() {
        assert_eq!(
            DiffError::NotARepository(PathBuf::from("/tmp/x")).to_string(),
            "--diff-base: /tmp/x is not in a git repository"
        );
        assert_eq!(DiffError::UnknownRevision("nope".into()).to_string(), "--diff-base: unknown revision `nope`");
    }
}
