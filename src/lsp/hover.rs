//! Hover over a finding: the rule, its message, why it matters, what it costs the score.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use crate::rules;

use super::convert::Lines;
use super::documents::OpenDocument;

/// The hover at byte `offset`, from the cached findings whose span holds it.
pub(crate) fn hover(doc: &OpenDocument, lines: Lines<'_>, offset: usize) -> Option<Hover> {
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
            format!(
                "**{}** ({}, −{weight} {points} of the clarity score)\n\n{}\n\n{why}\n\n`plainly explain {}` for more.",
                finding.rule, finding.severity, finding.message, finding.rule
            )
        })
        .collect();
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: Some(lines.range(first.span)),
    })
}

/// A clock time under the cursor, shown in every zone of the config's `[team]`.
pub(crate) fn clock_time(doc: &OpenDocument, lines: Lines<'_>, offset: usize) -> Option<Hover> {
    let setup = &doc.setup;
    let (span, text) = crate::team::time_in_zones(&doc.text, setup.kind, &setup.settings, offset)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: text }),
        range: Some(lines.range(span)),
    })
}

/// One hover from the findings' and the clock time's: both, findings first.
pub(crate) fn merge(findings: Option<Hover>, clock: Option<Hover>) -> Option<Hover> {
    match (findings, clock) {
        (Some(mut findings), Some(clock)) => {
            if let (HoverContents::Markup(first), HoverContents::Markup(second)) =
                (&mut findings.contents, clock.contents)
            {
                first.value = format!("{}\n\n---\n\n{}", first.value, second.value);
            }
            Some(findings)
        }
        (findings, clock) => findings.or(clock),
    }
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
}
