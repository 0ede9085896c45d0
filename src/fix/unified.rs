//! The unified diff that `plainly check --fix --diff` prints: which lines the fixes
//! changed, as `git diff` and `patch` read it.
//!
//! Lines are matched by patience diff (Bram Cohen's, as in `git diff --patience`): lines
//! that occur once on each side anchor the match, the longest run of anchors in the same
//! order is kept, and the gaps between anchors are matched the same way, after their
//! common first and last lines are taken off. A fix rewrites words inside lines, so the
//! lines it does not touch are nearly all anchors, and the diff is the lines it touched.
//! A gap with no anchors (blank lines around changed ones) is matched line by line when it
//! is small ([`MAX_TABLE`]). The work stays O(n log n) in the lines: recursion stops at
//! [`MAX_DEPTH`], and a large gap with no anchors is shown as replaced, which is still a
//! correct diff, only a longer one.
//!
//! The output follows GNU diff: hunks with [`CONTEXT`] lines around each change, changes
//! closer than twice that share a hunk, a range of one line is written without its length,
//! an empty range names the line before it, and a last line without a line end is followed
//! by `\ No newline at end of file`.

use std::collections::HashMap;
use std::fmt::Write;

/// Unchanged lines shown around each change.
const CONTEXT: usize = 3;

/// How deep gaps between anchors are matched again before what is left counts as replaced.
const MAX_DEPTH: usize = 8;

/// The largest gap without anchors, in old lines times new lines, matched line by line;
/// a larger one is shown as replaced. This keeps the work linear: a gap of n lines costs at
/// most n × 256.
const MAX_TABLE: usize = 1 << 16;

/// A unified diff from `old` to `new`, with `path` in its header (as `git diff` shows it);
/// empty when the texts are the same.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let mut ops = Vec::new();
    match_lines(&old_lines, &new_lines, Range::all(&old_lines, &new_lines), 0, &mut ops);
    let ops = merged(ops);
    if ops.iter().all(|op| op.kind == Kind::Equal) {
        return String::new();
    }
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    for hunk in hunks(&ops) {
        write_hunk(&mut out, hunk, &old_lines, &new_lines);
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Equal,
    Delete,
    Insert,
}

/// A run of lines: `len` old lines from `old` (equal, deleted) or new lines from `new`
/// (equal, inserted). An insertion's `old` is where it goes; a deletion's `new` likewise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Op {
    kind: Kind,
    old: usize,
    new: usize,
    len: usize,
}

impl Op {
    fn old_len(&self) -> usize {
        if self.kind == Kind::Insert { 0 } else { self.len }
    }

    fn new_len(&self) -> usize {
        if self.kind == Kind::Delete { 0 } else { self.len }
    }
}

/// Lines `old_start..old_end` of the old text against `new_start..new_end` of the new.
#[derive(Clone, Copy)]
struct Range {
    old_start: usize,
    old_end: usize,
    new_start: usize,
    new_end: usize,
}

impl Range {
    fn all(old: &[&str], new: &[&str]) -> Range {
        Range { old_start: 0, old_end: old.len(), new_start: 0, new_end: new.len() }
    }
}

/// Appends the ops that turn `range` of `old` into `range` of `new`, in order.
fn match_lines(old: &[&str], new: &[&str], mut range: Range, depth: usize, ops: &mut Vec<Op>) {
    let prefix = common_len(old[range.old_start..range.old_end].iter(), new[range.new_start..range.new_end].iter());
    push(ops, Kind::Equal, range.old_start, range.new_start, prefix);
    range.old_start += prefix;
    range.new_start += prefix;
    let suffix =
        common_len(old[range.old_start..range.old_end].iter().rev(), new[range.new_start..range.new_end].iter().rev());
    range.old_end -= suffix;
    range.new_end -= suffix;

    let (old_len, new_len) = (range.old_end - range.old_start, range.new_end - range.new_start);
    let anchors = if depth < MAX_DEPTH && old_len > 0 && new_len > 0 { anchors(old, new, range) } else { Vec::new() };
    if anchors.is_empty() {
        if old_len * new_len <= MAX_TABLE {
            match_by_table(old, new, range, ops);
        } else {
            push(ops, Kind::Delete, range.old_start, range.new_start, old_len);
            push(ops, Kind::Insert, range.old_end, range.new_start, new_len);
        }
    } else {
        let (mut old_at, mut new_at) = (range.old_start, range.new_start);
        for (old_anchor, new_anchor) in anchors {
            let gap = Range { old_start: old_at, old_end: old_anchor, new_start: new_at, new_end: new_anchor };
            match_lines(old, new, gap, depth + 1, ops);
            push(ops, Kind::Equal, old_anchor, new_anchor, 1);
            (old_at, new_at) = (old_anchor + 1, new_anchor + 1);
        }
        let rest = Range { old_start: old_at, old_end: range.old_end, new_start: new_at, new_end: range.new_end };
        match_lines(old, new, rest, depth + 1, ops);
    }
    push(ops, Kind::Equal, range.old_end, range.new_end, suffix);
}

/// Matches a gap with no anchors (blank lines and the changed lines between them) by the
/// longest common subsequence, found by a table of `old × new` lines; a deletion comes
/// before the insertion that replaces it.
fn match_by_table(old: &[&str], new: &[&str], range: Range, ops: &mut Vec<Op>) {
    let old = &old[range.old_start..range.old_end];
    let new = &new[range.new_start..range.new_end];
    let width = new.len() + 1;
    // common[i * width + j]: the longest common subsequence of old[i..] and new[j..].
    let mut common = vec![0u32; (old.len() + 1) * width];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            common[i * width + j] = if old[i] == new[j] {
                common[(i + 1) * width + j + 1] + 1
            } else {
                common[(i + 1) * width + j].max(common[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        let (old_at, new_at) = (range.old_start + i, range.new_start + j);
        if i < old.len() && j < new.len() && old[i] == new[j] {
            push(ops, Kind::Equal, old_at, new_at, 1);
            (i, j) = (i + 1, j + 1);
        } else if j == new.len() || (i < old.len() && common[(i + 1) * width + j] >= common[i * width + j + 1]) {
            push(ops, Kind::Delete, old_at, new_at, 1);
            i += 1;
        } else {
            push(ops, Kind::Insert, old_at, new_at, 1);
            j += 1;
        }
    }
}

fn common_len<'a>(old: impl Iterator<Item = &'a &'a str>, new: impl Iterator<Item = &'a &'a str>) -> usize {
    old.zip(new).take_while(|(a, b)| a == b).count()
}

fn push(ops: &mut Vec<Op>, kind: Kind, old: usize, new: usize, len: usize) {
    if len > 0 {
        ops.push(Op { kind, old, new, len });
    }
}

/// The lines that occur once in each side of `range`, as (old index, new index) pairs,
/// thinned to the longest run in which both indexes rise (patience sorting).
fn anchors(old: &[&str], new: &[&str], range: Range) -> Vec<(usize, usize)> {
    // For each line: how often it occurs in old, where (the last time), and likewise in new.
    let mut seen: HashMap<&str, (usize, usize, usize, usize)> = HashMap::new();
    for (i, line) in old.iter().enumerate().take(range.old_end).skip(range.old_start) {
        let entry = seen.entry(line).or_default();
        entry.0 += 1;
        entry.1 = i;
    }
    for (i, line) in new.iter().enumerate().take(range.new_end).skip(range.new_start) {
        if let Some(entry) = seen.get_mut(line) {
            entry.2 += 1;
            entry.3 = i;
        }
    }
    let mut unique: Vec<(usize, usize)> = seen
        .into_values()
        .filter(|&(in_old, _, in_new, _)| in_old == 1 && in_new == 1)
        .map(|(_, old_at, _, new_at)| (old_at, new_at))
        .collect();
    unique.sort_unstable();
    longest_rising_run(&unique)
}

/// The longest subsequence of `pairs` (sorted by their first index) whose second index
/// rises too, in O(n log n).
fn longest_rising_run(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[k]: the index in `pairs` of the smallest last element of a rising run of k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; pairs.len()];
    for (i, &(_, new_at)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].1 < new_at);
        before[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(i) = at {
        run.push(pairs[i]);
        at = before[i];
    }
    run.reverse();
    run
}

/// Joins adjacent ops of the same kind.
fn merged(ops: Vec<Op>) -> Vec<Op> {
    let mut out: Vec<Op> = Vec::with_capacity(ops.len());
    for op in ops {
        match out.last_mut() {
            Some(last)
                if last.kind == op.kind
                    && last.old + last.old_len() == op.old
                    && last.new + last.new_len() == op.new =>
            {
                last.len += op.len;
            }
            _ => out.push(op),
        }
    }
    out
}

/// The ops of each hunk: each change with up to [`CONTEXT`] equal lines on either side;
/// changes with at most twice that between them share a hunk.
fn hunks(ops: &[Op]) -> Vec<Vec<Op>> {
    let mut hunks = Vec::new();
    let mut hunk: Vec<Op> = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        if op.kind != Kind::Equal {
            hunk.push(*op);
            continue;
        }
        let first = i == 0;
        let last = i + 1 == ops.len();
        if first {
            let keep = op.len.min(CONTEXT);
            hunk.push(Op { old: op.old + op.len - keep, new: op.new + op.len - keep, len: keep, ..*op });
        } else if last || op.len > 2 * CONTEXT {
            hunk.push(Op { len: op.len.min(CONTEXT), ..*op });
            hunks.push(std::mem::take(&mut hunk));
            if !last {
                hunk.push(Op { old: op.old + op.len - CONTEXT, new: op.new + op.len - CONTEXT, len: CONTEXT, ..*op });
            }
        } else {
            hunk.push(*op);
        }
    }
    if hunk.iter().any(|op| op.kind != Kind::Equal) {
        hunks.push(hunk);
    }
    hunks
}

fn write_hunk(out: &mut String, hunk: Vec<Op>, old: &[&str], new: &[&str]) {
    let Some(first) = hunk.first() else { return };
    let old_len: usize = hunk.iter().map(Op::old_len).sum();
    let new_len: usize = hunk.iter().map(Op::new_len).sum();
    let _ = writeln!(out, "@@ -{} +{} @@", HunkRange(first.old, old_len), HunkRange(first.new, new_len));
    for op in &hunk {
        let (sign, lines) = match op.kind {
            Kind::Equal => (' ', &old[op.old..op.old + op.len]),
            Kind::Delete => ('-', &old[op.old..op.old + op.len]),
            Kind::Insert => ('+', &new[op.new..op.new + op.len]),
        };
        for line in lines {
            out.push(sign);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
}

/// A hunk's side, 0-based start and length, as GNU diff writes it.
struct HunkRange(usize, usize);

impl std::fmt::Display for HunkRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.1 {
            1 => write!(f, "{}", self.0 + 1),
            0 => write!(f, "{},0", self.0),
            len => write!(f, "{},{}", self.0 + 1, len),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Applies a unified diff as `patch` would, checking every context and deleted line.
    fn patched(old: &str, diff: &str) -> String {
        let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
        let mut out = String::new();
        let mut at = 0;
        let mut lines = diff.split_inclusive('\n').skip(2).peekable();
        while let Some(header) = lines.next() {
            let old_range = header.trim_start_matches("@@ -").split(' ').next().unwrap();
            let mut parts = old_range.split(',');
            let start: usize = parts.next().unwrap().parse().unwrap();
            let len: usize = parts.next().map_or(1, |len| len.parse().unwrap());
            let start = if len == 0 { start } else { start - 1 };
            while at < start {
                out.push_str(old_lines[at]);
                at += 1;
            }
            while let Some(line) = lines.next_if(|line| !line.starts_with("@@")) {
                let mut body = line[1..].to_string();
                if lines.next_if(|next| next.starts_with('\\')).is_some() {
                    body.pop();
                }
                match &line[..1] {
                    " " | "-" => {
                        assert_eq!(old_lines[at], body, "context or deleted line {at} differs");
                        if line.starts_with(' ') {
                            out.push_str(&body);
                        }
                        at += 1;
                    }
                    "+" => out.push_str(&body),
                    other => panic!("unexpected line start {other:?}"),
                }
            }
        }
        for line in &old_lines[at..] {
            out.push_str(line);
        }
        out
    }

    #[test]
    fn a_changed_line_is_one_hunk() {
        let diff = unified_diff("draft.txt", "Call at 3pm.\n", "Call at 3pm CET.\n");
        assert_eq!(diff, "--- a/draft.txt\n+++ b/draft.txt\n@@ -1 +1 @@\n-Call at 3pm.\n+Call at 3pm CET.\n");
    }

    #[test]
    fn the_same_text_has_no_diff() {
        assert_eq!(unified_diff("a", "one\ntwo\n", "one\ntwo\n"), "");
        assert_eq!(unified_diff("a", "", ""), "");
    }

    #[test]
    fn changes_far_apart_are_separate_hunks_with_three_lines_of_context() {
        let old: String = (1..=20).map(|i| format!("line {i}\n")).collect();
        let new = old.replace("line 2\n", "line two\n").replace("line 18\n", "line eighteen\n");
        let diff = unified_diff("f", &old, &new);
        assert_eq!(
            diff,
            "--- a/f\n+++ b/f\n\
             @@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n line 4\n line 5\n\
             @@ -15,6 +15,6 @@\n line 15\n line 16\n line 17\n-line 18\n+line eighteen\n line 19\n line 20\n"
        );
    }

    #[test]
    fn changes_six_lines_apart_share_a_hunk() {
        let old: String = (1..=10).map(|i| format!("{i}\n")).collect();
        let new = old.replace("2\n", "two\n").replace("9\n", "nine\n");
        let diff = unified_diff("f", &old, &new);
        assert!(diff.contains("@@ -1,10 +1,10 @@\n"), "{diff}");
        assert_eq!(diff.matches("@@ -").count(), 1);
    }

    #[test]
    fn a_last_line_without_a_line_end_says_so() {
        let diff = unified_diff("f", "a\nCall at 3pm.", "a\nCall at 3pm CET.");
        assert_eq!(
            diff,
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-Call at 3pm.\n\\ No newline at end of file\n\
             +Call at 3pm CET.\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn insertions_and_deletions_name_the_line_before_an_empty_range() {
        assert_eq!(unified_diff("f", "a\n", "a\nb\n"), "--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n a\n+b\n");
        assert_eq!(unified_diff("f", "", "b\n"), "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+b\n");
        assert_eq!(unified_diff("f", "b\n", ""), "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-b\n");
    }

    #[test]
    fn repeated_lines_between_changes_are_kept_as_context() {
        let old = "# Title\n\nSee you at 3pm.\n\n\n\nBye at 5pm.\n\n";
        let new = "# Title\n\nSee you at 3pm UTC.\n\n\n\nBye at 5pm UTC.\n\n";
        let diff = unified_diff("f", old, new);
        let deleted: Vec<&str> = diff.lines().filter(|l| l.starts_with('-') && !l.starts_with("---")).collect();
        assert_eq!(deleted, ["-See you at 3pm.", "-Bye at 5pm."], "{diff}");
        assert_eq!(patched(old, &diff), new);
    }

    #[test]
    fn a_long_file_with_a_fix_on_every_line_is_diffed() {
        let old: String = (0..50_000).map(|i| format!("Meet at {}pm, item {i}.\n", i % 12 + 1)).collect();
        let new = old.replace("pm,", "pm UTC,");
        let diff = unified_diff("f", &old, &new);
        assert_eq!(diff.matches("\n-Meet").count(), 50_000);
        assert_eq!(patched(&old, &diff), new);
    }

    proptest! {
        #[test]
        fn applying_the_diff_gives_the_new_text(
            old in proptest::collection::vec(prop_oneof!["a", "b", "c", "", "d e"], 0..30),
            edits in proptest::collection::vec((0usize..30, prop_oneof!["a", "x", "", "b c"], 0u8..3), 0..6),
            end in any::<bool>(),
        ) {
            let mut new = old.clone();
            for (at, line, what) in edits {
                let at = at.min(new.len());
                match what {
                    0 => new.insert(at, line.to_string()),
                    1 if at < new.len() => { new.remove(at); }
                    _ if at < new.len() => new[at] = line.to_string(),
                    _ => new.push(line.to_string()),
                }
            }
            let join = |lines: &[String]| {
                let mut text = lines.join("\n");
                if end && !text.is_empty() { text.push('\n'); }
                text
            };
            let (old, new) = (join(&old), join(&new));
            let diff = unified_diff("f", &old, &new);
            prop_assert_eq!(diff.is_empty(), old == new);
            prop_assert_eq!(patched(&old, &diff), new);
        }
    }
}
