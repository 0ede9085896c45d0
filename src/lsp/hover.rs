//! Hover: at a finding, the rule, its message, why it matters and what it costs the
//! score; at a clock time, that time in the team's zones; on the first line, the score
//! itself for clients that show it nowhere else. Written in Markdown or plain text, as
//! the client asks.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use crate::rules;
use crate::span::Span;

use super::convert::Lines;
use super::documents::OpenDocument;
use super::lens;

/// One part of a hover: its text in the client's format, and the text it is about.
pub(crate) struct Section {
    pub text: String,
    pub span: Span,
}

/// The findings whose span holds byte `offset`, from the cached check.
pub(crate) fn findings(doc: &OpenDocument, offset: usize, format: &MarkupKind) -> Option<Section> {
    let checked = doc.checked.as_ref()?;
    let here: Vec<_> = checked.findings.iter().filter(|f| f.span.start <= offset && offset <= f.span.end).collect();
    let first = here.first()?;
    let sections: Vec<String> = here
        .iter()
        .map(|finding| {
            let meta = rules::by_id(finding.rule).map(|rule| rule.meta());
            let weight = meta.map_or(0, |meta| meta.weight);
            let why = meta.and_then(|meta| why(meta.docs)).unwrap_or_default();
            let points = if weight == 1 { "point" } else { "points" };
            let (rule, severity, message) = (finding.rule, finding.severity, &finding.message);
            match format {
                MarkupKind::Markdown => format!(
                    "**{rule}** ({severity}, −{weight} {points} of the clarity score)\n\n{message}\n\n{why}\n\n`plainly explain {rule}` for more."
                ),
                MarkupKind::PlainText => format!(
                    "{rule} ({severity}, −{weight} {points} of the clarity score)\n\n{message}\n\n{}\n\nplainly explain {rule} for more.",
                    plain(&why)
                ),
            }
        })
        .collect();
    Some(Section { text: join(sections), span: first.span })
}

/// A clock time at byte `offset`, shown in every zone of the config's `[team]`.
pub(crate) fn clock_time(doc: &OpenDocument, offset: usize, format: &MarkupKind) -> Option<Section> {
    let setup = &doc.setup;
    let (span, text) = crate::team::time_in_zones(&doc.text, setup.kind, &setup.settings, offset)?;
    let text = match format {
        MarkupKind::Markdown => text,
        MarkupKind::PlainText => plain(&text),
    };
    Some(Section { text, span })
}

/// The score, when byte `offset` is on the first line.
pub(crate) fn score(doc: &OpenDocument, offset: usize, format: &MarkupKind) -> Option<Section> {
    let checked = doc.checked.as_ref()?;
    let first_line = doc.index.line_span(&doc.text, 0)?;
    if offset > first_line.end {
        return None;
    }
    let title = lens::title(checked);
    let text = match format {
        MarkupKind::Markdown => format!("**{title}**"),
        MarkupKind::PlainText => title,
    };
    Some(Section { text, span: first_line })
}

/// The hover showing `sections` in order, over the first one's text.
pub(crate) fn hover(sections: Vec<Section>, lines: Lines<'_>, format: MarkupKind) -> Option<Hover> {
    let range = lines.range(sections.first()?.span);
    let value = join(sections.into_iter().map(|section| section.text).collect());
    Some(Hover { contents: HoverContents::Markup(MarkupContent { kind: format, value }), range: Some(range) })
}

fn join(sections: Vec<String>) -> String {
    sections.join("\n\n---\n\n")
}

/// Plain text from the little Markdown plainly writes in hovers: bold and code spans.
fn plain(markdown: &str) -> String {
    markdown.replace("**", "").replace('`', "")
}

/// The first paragraph under a rule's `## Why`, on one line.
pub(crate) fn why(docs: &str) -> Option<String> {
    let after = docs.split("## Why").nth(1)?;
    let paragraph = after.trim_start_matches(|c: char| c != '\n').trim_start().split("\n\n").next()?;
    let paragraph = paragraph.split("\n#").next().unwrap_or(paragraph);
    Some(paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_why() {
        for rule in rules::ALL {
            let why = why(rule.meta().docs).unwrap_or_default();
            assert!(why.len() > 20 && !why.contains('#'), "{}: {why:?}", rule.meta().id);
        }
    }

    #[test]
    fn plain_text_drops_bold_and_code_marks() {
        assert_eq!(plain("**3pm CET** on Wednesday: `plainly explain`"), "3pm CET on Wednesday: plainly explain");
    }
}
