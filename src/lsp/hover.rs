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
    let (span, text) = time_in_zones(&doc.text, setup.target.kind, &setup.target.settings, offset)?;
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

/// Where the clock time at `offset` falls for every zone the team names, for an editor's
/// hover: "**3pm CET** on Wednesday, Nov 25 is …" with one line per zone. `None` when
/// no clock time is there, the config has no `[team]`, or the time's zone is unknown.
fn time_in_zones(
    source: &str,
    kind: crate::FileKind,
    settings: &crate::Settings,
    offset: usize,
) -> Option<(crate::Span, String)> {
    use crate::analysis::times::{reference_date, written_zone};
    use crate::team::{clock_label, parse_clock, weekday_name, zone_label, zone_of_mention};
    let team = settings.team.as_ref()?;
    let options = crate::ParseOptions { skip_quotes: kind != crate::FileKind::Markdown };
    let doc = crate::Document::parse(source, kind, options);
    let cx = crate::analysis::Context::new(&doc, settings, crate::Profile::Message);
    let time = cx.times().clock.iter().copied().find(|t| t.start <= offset && offset <= t.end)?;
    let clock = parse_clock(doc.text_of(time))?;
    let sentence = doc.sentences[doc.sentence_at(time.start)?].span;
    let zone = match written_zone(&cx, time) {
        Some(mention) => zone_of_mention(doc.text_of(mention))?,
        None => team.writer.as_ref()?.tz.clone(),
    };
    let date = reference_date(&cx, sentence, team.today());
    let instant = date.to_datetime(clock).to_zoned_datetime(zone).ok()?;
    let mut lines = vec![format!(
        "**{} {}** on {}, {}:",
        clock_label(instant.time()),
        zone_label(&instant, team.style),
        weekday_name(instant.date()),
        instant.date()
    )];
    let zones = team.writer.iter().chain(team.readers.iter().map(|r| &r.zone));
    for zone in zones {
        let local = instant.with_time_zone(zone.tz.clone());
        let core = team.readers.iter().find(|r| r.zone.name == zone.name).map(|r| r.core_hours);
        let outside = core.is_some_and(|hours| !hours.contains(local.time()));
        lines.push(format!(
            "- {}: {} {} ({}){}",
            zone.place(),
            clock_label(local.time()),
            weekday_name(local.date()),
            zone_label(&local, team.style),
            if outside { ", outside core hours" } else { "" }
        ));
    }
    Some((time, lines.join("\n")))
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

    #[test]
    fn a_time_is_shown_in_every_team_zone() {
        let config = "[team]\ntimezone = \"Europe/Berlin\"\nzones = [\"America/Los_Angeles\", \"Asia/Tokyo\"]\n";
        let settings = crate::rules::testing::team_settings(config);
        let text = "Can we meet at 3pm tomorrow?";
        let (span, hover) = time_in_zones(text, crate::FileKind::Text, &settings, 16).unwrap();
        assert_eq!(span.slice(text), "3pm");
        assert_eq!(
            hover,
            "**3pm CET** on Thursday, 2026-11-26:\n- Berlin: 3pm Thursday (CET)\n- Los Angeles: 6am Thursday (PST), outside core hours\n- Tokyo: 11pm Thursday (JST), outside core hours"
        );
        assert!(time_in_zones(text, crate::FileKind::Text, &settings, 2).is_none());
        // Each time in the zone written with it.
        let text = "Let's talk on Wednesday at 10am PT / 1pm ET.";
        let (_, hover) = time_in_zones(text, crate::FileKind::Text, &settings, 38).unwrap();
        assert!(hover.starts_with("**1pm EST** on Wednesday, 2026-11-25:\n- Berlin: 7pm Wednesday"), "{hover}");
        assert!(time_in_zones(text, crate::FileKind::Text, &crate::Settings::default(), 16).is_none());
    }
}
