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
    /// What is wrong with the directives themselves: an id that names no rule (a typo
    /// turns nothing off), with the comment it is in.
    pub warnings: Vec<(Span, String)>,
}

impl Suppressions {
    /// Reads the directives in a document's comments.
    pub fn parse(doc: &Document<'_>) -> Suppressions {
        Suppressions::read(doc.source, &doc.comments)
    }

    /// Reads the directives in `comments`, spans of a file whose text is `source`.
    pub fn read(source: &str, comments: &[Span]) -> Suppressions {
        let mut ranges = Vec::new();
        let mut warnings = Vec::new();
        let mut open: Vec<(Vec<String>, usize)> = Vec::new();
        for &comment in comments {
            let text = comment.slice(source);
            for directive in directives(text) {
                let (verb, rules) = directive;
                for id in rules.iter().filter(|id| crate::rules::by_id(id).is_none()) {
                    warnings.push((comment, unknown_rule(verb, id)));
                }
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
        Suppressions { ranges, warnings }
    }

    /// Whether `finding` is turned off.
    pub fn suppresses(&self, finding: &Finding) -> bool {
        self.ranges.iter().any(|(rules, span)| {
            (span.contains(finding.span.start) || (span.end == finding.span.start && span.is_empty()))
                && (rules.is_empty() || rules.iter().any(|r| r == finding.rule))
        })
    }
}

/// "unknown rule `jargn` in plainly-disable-next-line (did you mean `jargon`?); it turns
/// nothing off".
fn unknown_rule(verb: &str, id: &str) -> String {
    let hint = match closest_rule(id) {
        Some(rule) => format!("did you mean `{rule}`?"),
        None => "run `plainly rules` for the ids".to_string(),
    };
    format!("unknown rule `{id}` in {verb} ({hint}); it turns nothing off")
}

/// The rule id within two edits of `id`, if one is.
fn closest_rule(id: &str) -> Option<&'static str> {
    crate::rules::ALL
        .iter()
        .map(|rule| rule.meta().id)
        .map(|rule| (edit_distance(id, rule), rule))
        .filter(|(distance, _)| *distance <= 2)
        .min()
        .map(|(_, rule)| rule)
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ParseOptions;
    use crate::input::FileKind;

    #[test]
    fn an_unknown_rule_id_is_a_warning_with_a_suggestion() {
        let text = "<!-- plainly-disable-next-line jargn, hedge, nonsense -->\nLet's circle back.\n";
        let doc = Document::parse(text, FileKind::Markdown, ParseOptions::default());
        let suppressions = Suppressions::parse(&doc);
        let warnings: Vec<(&str, &str)> =
            suppressions.warnings.iter().map(|(span, w)| (span.slice(text).trim_end(), w.as_str())).collect();
        let comment = "<!-- plainly-disable-next-line jargn, hedge, nonsense -->";
        assert_eq!(
            warnings,
            [
                (
                    comment,
                    "unknown rule `jargn` in plainly-disable-next-line (did you mean `jargon`?); it turns nothing off"
                ),
                (
                    comment,
                    "unknown rule `nonsense` in plainly-disable-next-line (run `plainly rules` for the ids); it turns nothing off"
                ),
            ]
        );
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("jargn", "jargon"), 1);
        assert_eq!(edit_distance("long-sentance", "long-sentence"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(closest_rule("timezone"), Some("time-zone"));
    }
}
