//! Git commit, merge and tag messages (`COMMIT_EDITMSG`, `MERGE_MSG`, …), read as the
//! message git will store: plain text without git's comment lines (`# Please enter the
//! commit message…`), without everything from the scissors line
//! `# ------------------------ >8 ------------------------` on (the diff that
//! `git commit -v` shows), and without the trailers that close a message
//! (`Signed-off-by: …`, `Co-authored-by: …`). Offsets stay file offsets, so findings
//! point at the right line of the file git opened in the editor.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::{Builder, text};
use crate::span::Span;

/// Git's scissors line; its first character is the comment character, `#` unless
/// `core.commentChar` says otherwise.
static SCISSORS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^(\S) -{24} >8 -{24}\r?$").expect("static regex"));

/// A trailer whose token is hyphenated, as git's are: `Signed-off-by: Sam <sam@example.com>`.
/// One-word labels ("Blocker: …", "Fixes: …") are the writer's words and stay prose.
static TRAILER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+:[ \t]*\S").expect("static regex"));

/// Parses the commit message in `region` of the builder's source.
pub(crate) fn parse(builder: &mut Builder<'_>, region: Span) {
    let source = builder.source();
    let text = region.slice(source);
    let (comment, end) = match SCISSORS.captures(text) {
        Some(caps) => {
            let whole = caps.get(0).expect("match");
            (caps[1].chars().next().unwrap_or('#'), region.start + whole.start())
        }
        None => ('#', region.end),
    };
    let message = Span::new(region.start, end);

    let mut skip = Vec::new();
    // The lines of the last paragraph git keeps, to see whether they are all trailers.
    let mut paragraph: Vec<Span> = Vec::new();
    let mut paragraphs = 0;
    let mut offset = message.start;
    for line in message.slice(source).split_inclusive('\n') {
        let span = Span::new(offset, offset + line.len());
        offset = span.end;
        if line.starts_with(comment) {
            skip.push(span);
        } else if line.trim().is_empty() {
            if !paragraph.is_empty() {
                paragraph.clear();
                paragraphs += 1;
            }
        } else {
            paragraph.push(span);
        }
    }
    // The subject is never a trailer block, even when it looks like one.
    let closes_body = paragraphs > 0 || paragraph.is_empty();
    if closes_body && !paragraph.is_empty() && paragraph.iter().all(|line| TRAILER.is_match(line.slice(source))) {
        skip.extend(paragraph);
    }
    skip.sort_unstable();
    text::parse_skipping(builder, message, skip);
}

#[cfg(test)]
mod tests {
    use crate::input::FileKind;
    use crate::{Document, ParseOptions};

    fn words(source: &str) -> Vec<&str> {
        let doc = Document::parse(source, FileKind::Commit, ParseOptions { skip_quotes: true });
        doc.words.iter().map(|w| w.slice(source)).collect()
    }

    #[test]
    fn comments_and_the_scissors_are_left_out() {
        let source = "Fix the importer\n\nIt skipped rows.\n# Please enter the commit message for your changes.\n#\n\
# ------------------------ >8 ------------------------\n# Do not modify or remove the line above.\ndiff --git a/x b/x\n+leverage synergy\n";
        assert_eq!(words(source), ["Fix", "the", "importer", "It", "skipped", "rows"]);
    }

    #[test]
    fn a_line_starting_with_the_comment_character_is_a_comment_even_without_a_space() {
        assert_eq!(words("Fix it\n\n#123 said so\nReally.\n"), ["Fix", "it", "Really"]);
    }

    #[test]
    fn core_comment_char_is_read_from_the_scissors_line() {
        let source =
            "Fix it\n; a comment\n# not a comment\n; ------------------------ >8 ------------------------\n+ diff\n";
        assert_eq!(words(source), ["Fix", "it", "not", "a", "comment"]);
    }

    #[test]
    fn trailers_are_left_out_but_labels_are_prose() {
        let source = "Fix it\n\nBlocker: finance.\n\nSigned-off-by: Sam Lee <sam@example.com>\nCo-authored-by: Kim <kim@example.com>\n";
        assert_eq!(words(source), ["Fix", "it", "Blocker", "finance"]);
        // A subject alone is the message, whatever it looks like.
        assert_eq!(words("Re-run: the flaky test\n"), ["Re", "run", "the", "flaky", "test"]);
    }

    #[test]
    fn offsets_are_file_offsets() {
        let source = "# comment\nShip it ASAP\n";
        let doc = Document::parse(source, FileKind::Commit, ParseOptions { skip_quotes: true });
        let asap = doc.words.iter().find(|w| w.slice(source) == "ASAP").expect("ASAP");
        assert_eq!(asap.start, source.find("ASAP").unwrap());
    }
}
