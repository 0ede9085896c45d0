//! Inline suppression comments.
//!
//! In any kind of file (Markdown, plain text, email bodies) an HTML comment turns rules off:
//!
//! - `<!-- plainly-disable-next-line RULE[, RULE…] -->`: the line after the comment;
//! - `<!-- plainly-disable RULE… -->` … `<!-- plainly-enable RULE… -->`: the text between;
//! - `<!-- plainly-disable-file RULE… -->`: the whole file.
//!
//! Without rule ids, a directive applies to every rule. A finding is suppressed when
//! its start lies in a suppressed stretch.

use crate::document::Document;
use crate::finding::Finding;
use crate::span::Span;

/// The stretches of a document where rules are off.
#[derive(Debug, Default)]
pub struct Suppressions {
    /// `(rules, span)`; an empty rule list means every rule.
    ranges: Vec<(Vec<String>, Span)>,
}

impl Suppressions {
    /// Reads the directives in a document's comments.
    pub fn parse(doc: &Document<'_>) -> Suppressions {
        let source = doc.source;
        let mut ranges = Vec::new();
        let mut open: Vec<(Vec<String>, usize)> = Vec::new();
        for &comment in &doc.comments {
            let text = comment.slice(source);
            for directive in directives(text) {
                let (verb, rules) = directive;
                match verb {
                    "plainly-disable-next-line" => ranges.push((rules, next_line(source, comment.end))),
                    "plainly-disable-file" => ranges.push((rules, Span::new(0, source.len()))),
                    "plainly-disable" => open.push((rules, comment.end)),
                    "plainly-enable" => {
                        // Close the matching open ranges; `enable` with no ids closes all.
                        let mut kept = Vec::new();
                        for (open_rules, start) in open.drain(..) {
                            let closes = rules.is_empty() || open_rules.iter().all(|r| rules.contains(r));
                            if closes {
                                ranges.push((open_rules, Span::new(start, comment.start)));
                            } else {
                                kept.push((open_rules, start));
                            }
                        }
                        open = kept;
                    }
                    _ => {}
                }
            }
        }
        for (rules, start) in open {
            ranges.push((rules, Span::new(start, source.len())));
        }
        Suppressions { ranges }
    }

    /// Whether `finding` is turned off.
    pub fn suppresses(&self, finding: &Finding) -> bool {
        self.ranges.iter().any(|(rules, span)| {
            (span.contains(finding.span.start) || (span.end == finding.span.start && span.is_empty()))
                && (rules.is_empty() || rules.iter().any(|r| r == finding.rule))
        })
    }
}

/// The `(verb, rule ids)` directives in one HTML comment.
fn directives(comment: &str) -> Vec<(&'static str, Vec<String>)> {
    let inner = comment.trim().trim_start_matches("<!--").trim_end_matches("-->").trim();
    let mut words = inner.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty());
    let Some(verb) = words.next() else { return Vec::new() };
    let verb = match verb {
        "plainly-disable-next-line" => "plainly-disable-next-line",
        "plainly-disable-file" => "plainly-disable-file",
        "plainly-disable" => "plainly-disable",
        "plainly-enable" => "plainly-enable",
        _ => return Vec::new(),
    };
    vec![(verb, words.map(str::to_string).collect())]
}

/// The line after the one holding `offset`, without its line break.
fn next_line(source: &str, offset: usize) -> Span {
    // An HTML block's range takes its line break; the comment's own line ends before it.
    let offset = source[..offset].trim_end_matches(['\n', '\r']).len();
    let Some(newline) = source[offset..].find('\n') else { return Span::empty(source.len()) };
    let start = offset + newline + 1;
    let end = source[start..].find('\n').map_or(source.len(), |at| start + at);
    Span::new(start, end)
}
