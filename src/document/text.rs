//! Plain text: chat drafts, email bodies, `.txt` files.
//!
//! Plain text is read with Markdown's block rules (blank lines separate paragraphs,
//! `-`/`1.` start list items, fences and 4-space indents are code, `> ` lines are
//! quotes), because chat tools, issue trackers and most mail clients render it that
//! way. On top of that, the reply chrome a mail client adds is not the writer's: the
//! signature after `-- `, "On … wrote:" lines, forwarded or original-message blocks,
//! and quoted `> ` lines. Lines that look like pasted code or stack traces are skipped.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::markdown::{self, Flavor};
use super::{Builder, ParseOptions};
use crate::span::Span;

// Plain-text messages are short; `regex-lite` compiles these in microseconds, which
// matters more than its matching speed here.

/// Lines after which everything is somebody else's text or the writer's signature.
static CUT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xm)^[\ \t]*(?:
            --[\ \t]?\r?$                                              # signature delimiter
          | -{2,}[\ \t]*(?i:original\ message|forwarded\ message|forwarded\ by\b[^\n]*?|reply\ message)[\ \t]*-{2,}
          | (?i:begin\ forwarded\ message:)
          | _{10,}[\ \t]*\r?\n[\ \t]*(?i:from:)                        # Outlook's rule above a reply header
          | (?i:from:)[^\n]+\r?\n(?:[^\n]*\r?\n){0,2}[\ \t]*(?i:sent|date):  # a pasted reply header
        )",
    )
    .expect("static regex")
});

/// "On Tue, 3 Nov 2026 at 10:02, Sam <sam@example.com> wrote:", wrapped onto two lines at most;
/// or, in any language, a line that names a sender's address and ends in a colon
/// ("2017年5月2日(火) 19:52 Kentaro Wada <…@…>:", "Le mar. 2 mai, Kim <kim@example.org> a écrit :").
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[ \t]*On\b[^\n]*(?:\r?\n[^\n]*)?\bwrote:[ \t]*\r?$|^[^\n]*\bwrote:[ \t]*\r?\n[ \t]*>|^[^\n]*<[^\s<>@]+@[^\s<>]+>[^\n]*:[ \t]*\r?$",
    )
    .expect("static regex")
});

// `regex-lite` runs a Pike VM over the whole text, about 0.2 ms on a 300-word message,
// and most messages have neither a cut line nor an attribution. Each test below is a
// text every match of its pattern contains, so skipping the search when it fails finds
// the same lines.

/// Whether `text` can hold a [`CUT_LINE`]: each of its forms has two dashes, two
/// underscores, "from:" or "begin forwarded".
fn may_have_cut_line(text: &str) -> bool {
    text.contains("--")
        || text.contains("__")
        || contains_ignoring_case(text, "from:")
        || contains_ignoring_case(text, "begin forwarded")
}

/// Whether `text` can hold an [`ATTRIBUTION`]: each of its forms has "wrote:" or an
/// address's `@`.
fn may_have_attribution(text: &str) -> bool {
    text.contains("wrote:") || text.contains('@')
}

/// Whether `text` contains the lowercase ASCII `needle` in any case.
fn contains_ignoring_case(text: &str, needle: &str) -> bool {
    text.as_bytes().windows(needle.len()).any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Parses a plain-text body in `region` of the builder's source.
pub(crate) fn parse(builder: &mut Builder<'_>, region: Span) {
    parse_skipping(builder, region, Vec::new());
}

/// Parses a plain-text body in `region`, leaving out the lines in `skip` as well as the
/// reply chrome and code lines plain text always leaves out.
pub(crate) fn parse_skipping(builder: &mut Builder<'_>, region: Span, mut skip: Vec<Span>) {
    let source = builder.source();
    let text = region.slice(source);
    let end = may_have_cut_line(text)
        .then(|| CUT_LINE.find(text))
        .flatten()
        .filter(|m| !text[..m.start()].trim().is_empty())
        .map_or(region.end, |m| region.start + m.start());
    let body = Span::new(region.start, end);
    let body_text = body.slice(source);

    let attributions = skip.len();
    if may_have_attribution(body_text) {
        skip.extend(ATTRIBUTION.find_iter(body_text).map(|m| Span::new(body.start + m.start(), body.start + m.end())));
    }
    // Quoting an earlier message, or the line that says who wrote it, makes this a reply.
    if skip.len() > attributions || body_text.lines().any(|line| line.trim_start().starts_with('>')) {
        builder.reply();
    }
    let lines: Vec<&str> = body_text.split_inclusive('\n').collect();
    let traces = stack_trace_lines(&lines);
    let mut line_start = 0;
    for (line, in_trace) in lines.iter().zip(traces) {
        if in_trace || looks_like_code(line) {
            skip.push(Span::new(body.start + line_start, body.start + line_start + line.len()));
        }
        line_start += line.len();
    }
    skip.sort_unstable();
    // Quoted lines in a plain-text message are always a reply's quote.
    markdown::parse(builder, body, &skip, Flavor::PlainText, ParseOptions { skip_quotes: true });
}

/// Which lines belong to a pasted stack trace: a Python traceback from its "Traceback
/// (most recent call last):" line through the exception line that ends it, and the
/// frames of a JavaScript, Java or .NET trace ("    at render (app.js:12:5)") with the
/// exception line above them. They are the program's words, not the writer's, and
/// would otherwise count toward the buried rules' word limits.
fn stack_trace_lines(lines: &[&str]) -> Vec<bool> {
    let mut trace = vec![false; lines.len()];
    let mut in_python = false;
    for (i, line) in lines.iter().enumerate() {
        let text = line.trim_end();
        if text.trim_start().starts_with("Traceback (most recent call last)") {
            in_python = true;
            trace[i] = true;
        } else if in_python {
            if text.trim().is_empty() {
                in_python = false;
            } else {
                trace[i] = true;
                // The first line back at the margin is the exception: "ValueError: bad header".
                in_python = text.starts_with([' ', '\t']);
            }
        } else if is_frame(text) {
            trace[i] = true;
            // The exception line above the first frame: "TypeError: x is undefined".
            if let Some(above) = i.checked_sub(1).filter(|&j| !trace[j]) {
                let header = lines[above].trim();
                if !header.is_empty() && (header.contains("Error") || header.contains("Exception")) {
                    trace[above] = true;
                }
            }
        }
    }
    trace
}

/// A frame of a JavaScript, Java or .NET stack trace: "at render (app.js:12:5)",
/// "at org.example.Main.run(Main.java:42)", "at async load (file:///srv/app.mjs:3:9)".
fn is_frame(line: &str) -> bool {
    let Some(rest) = line.trim_start().strip_prefix("at ") else { return false };
    let location = rest.trim_end().trim_end_matches(')');
    // A frame ends in a place in a file: "app.js:12:5", "Main.java:42", "Native Method".
    let digits = location.rsplit(':').next().is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    (digits && location.contains(':')) || rest.ends_with("(Native Method)") || rest.ends_with("(Unknown Source)")
}

/// Whether a line of a plain-text message is pasted code, a log line or a stack frame
/// rather than prose. Prose rarely ends in `;` or `{`, rarely calls methods, and is
/// rarely dense in brackets and operators.
fn looks_like_code(line: &str) -> bool {
    let line = line.trim();
    // A Markdown link ("[the docs](https://…).") is how chat writes a link in prose; its
    // brackets say nothing about code.
    let unlinked = without_link_targets(line);
    let line = unlinked.as_str();
    if line.is_empty() || is_bare_link(line) {
        return false;
    }
    if line.ends_with([';', '{']) || matches!(line, "}" | "};" | ")" | ");" | "]" | "end") {
        return true;
    }
    // A stack frame or call with no spaces: `org.example.Stream.open(Stream.java:299)`.
    if !line.contains(' ') && line.contains('(') && line.contains('.') {
        return true;
    }
    if (line.starts_with("at ") || line.starts_with("Caused by:")) && line.contains(".java:") {
        return true;
    }
    // A method call glued to an identifier: `stream.open()`, `params.set("q", x)`,
    // `build().run`. Not an aside in brackets that ends a sentence: "(tomorrow)."
    let chained = line.as_bytes().windows(3).any(|w| w[..2] == *b")." && (w[2].is_ascii_alphabetic() || w[2] == b'_'));
    let call = chained || line.contains("();") || line.contains("(\"");
    let symbols = line.chars().filter(|c| "{}[]();=<>\"\\|+".contains(*c)).count();
    let visible = line.chars().filter(|c| !c.is_whitespace()).count();
    (call && symbols >= 3) || (symbols >= 5 && symbols * 100 >= visible * 12)
}

/// Whether `line` is one web address and nothing else, bracketed or closing a sentence:
/// "(https://example.com/spec).", "<https://example.com>". Hard-wrapped mail puts a long
/// address on a line of its own, and it is the link a reader follows, not pasted code.
fn is_bare_link(line: &str) -> bool {
    let address = line.trim_start_matches(['(', '<', '[']).trim_end_matches([')', '>', ']', '.', ',', ';', ':']);
    !address.contains(char::is_whitespace)
        && ["http://", "https://", "www."].iter().any(|scheme| address.to_ascii_lowercase().starts_with(scheme))
}

/// `line` with each Markdown link `[text](target)` reduced to its text.
fn without_link_targets(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("](") {
        let Some(open) = rest[..at].rfind('[') else { break };
        let Some(close) = rest[at + 2..].find(|c: char| c == ')' || c.is_whitespace()) else { break };
        if rest.as_bytes().get(at + 2 + close) != Some(&b')') {
            break;
        }
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..at]);
        rest = &rest[at + 2 + close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{ATTRIBUTION, CUT_LINE, looks_like_code, may_have_attribution, may_have_cut_line, stack_trace_lines};
    use proptest::prelude::*;

    proptest! {
        /// The cheap tests never skip a search that would have found something: texts made
        /// of the pieces the patterns match, in any order and case.
        #[test]
        fn cheap_tests_never_skip_a_match(pieces in proptest::collection::vec(prop_oneof![
            Just("-- \n"), Just("--\n"), Just("-----Original Message-----\n"), Just("---------- Forwarded message ---------\n"),
            Just("Begin forwarded message:\n"), Just("BEGIN FORWARDED MESSAGE:\n"), Just("________________________________\n"),
            Just("From: Kim <kim@example.org>\n"), Just("FROM: Kim\n"), Just("Sent: Tuesday\n"), Just("Date: today\n"),
            Just("On Tue, 3 Nov 2026, Sam wrote:\n"), Just("Sam wrote:\n> quoted\n"), Just("2017年5月2日 Kentaro <k@example.jp>:\n"),
            Just("Hi team,\n"), Just("Can you review it by Friday?\n"), Just("\n"), Just("- a list item\n"), Just("_x_ "), Just("-"),
        ], 0..8)) {
            let text: String = pieces.concat();
            prop_assert!(!CUT_LINE.is_match(&text) || may_have_cut_line(&text));
            prop_assert!(!ATTRIBUTION.is_match(&text) || may_have_attribution(&text));
        }
    }

    #[test]
    fn code_lines() {
        for line in [
            "         StringBuilder expression = new StringBuilder();",
            "expression.append(\"train(\").append(name).append(\",\");",
            "             stream.open();",
            "         } finally {",
            "org.apache.solr.client.solrj.io.stream.CloudSolrStream.open(CloudSolrStream.java:299)",
        ] {
            assert!(looks_like_code(line), "{line}");
        }
    }

    #[test]
    fn stack_traces() {
        let text = "It crashed again:\n\
            \n\
            Traceback (most recent call last):\n\
            \x20 File \"/srv/import/run.py\", line 42, in <module>\n\
            \x20   main()\n\
            ValueError: bad header in /data/2026-11-24.csv\n\
            Could you look at it today?\n\
            \n\
            TypeError: Cannot read properties of undefined (reading 'id')\n\
            \x20   at render (app.js:12:5)\n\
            \x20   at async load (file:///srv/app.mjs:3:9)\n\
            We meet at the office.\n";
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let skipped: Vec<&str> =
            lines.iter().zip(stack_trace_lines(&lines)).filter(|(_, t)| *t).map(|(l, _)| l.trim()).collect();
        assert_eq!(
            skipped,
            [
                "Traceback (most recent call last):",
                "File \"/srv/import/run.py\", line 42, in <module>",
                "main()",
                "ValueError: bad header in /data/2026-11-24.csv",
                "TypeError: Cannot read properties of undefined (reading 'id')",
                "at render (app.js:12:5)",
                "at async load (file:///srv/app.mjs:3:9)",
            ]
        );
    }

    #[test]
    fn prose_lines() {
        for line in [
            "I'm passing in a valid zkHost, collection name, and parameters. In fact,",
            "Comparison to PJM (Hartsoe/Novosel) -- Is the information we are seeking from",
            "(ie the highest bid at or below 150 clears the market, bids above 150 accepted at price bid as needed)?",
            "1) Oakhill",
            "Can you review the draft (the one in the shared folder) by Friday?",
            // Two asides, the last before the full stop (a list post of a new audit).
            "due to maintenance work at our campus, the buildbot servers will be offline from friday (today) till saturday (tomorrow).",
            // Asides that close a sentence (tests/messages 067 and 068).
            "Blocked: 5.2 can't ship until App Store review approves the new login flow (submitted Monday, still \"In Review\").",
            "The 2.0 release branch will be cut at 2026-06-02T14:00Z. Please get feature PRs merged before then; after the cut only fixes go in (see #3120).",
            // Markdown links in prose (messages 054, the corpus).
            "* Opened a PR to react-native-website [Update broken profile images](https://github.com/facebook/\
             react-native-website/pull/356). It seems like the way that we handle images is not foolproof.",
            "In its default configuration, Hugo generates [pretty URLs](g). For example:",
            "Use double quotes for [interpreted string literals](g). These interpret backslashes as special instructions:",
            // A hard-wrapped mail's address on its own line (examples/messages-2 017).
            "(https://source.android.com/devices/architecture/kernel/incfs).",
            "<https://lore.kernel.org/linux-fsdevel/>",
        ] {
            assert!(!looks_like_code(line), "{line}");
        }
    }
}
