//! Flags meeting and deadline times that fall outside a teammate's core hours.

use super::{Context, MESSAGE_STANDUP, Rule, RuleMeta, Scope};
use crate::analysis::times::{reference_date, zone_mention};
use crate::finding::{Finding, Severity};
use crate::team::{clock_label, parse_clock, weekday_name, zone_of_mention};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "outside-core-hours",
    summary: "A meeting or deadline time outside a teammate's core hours",
    severity: Severity::Info,
    doc_severity: None,
    profiles: MESSAGE_STANDUP,
    optional_profiles: &[],
    weight: 4,
    scope: Scope::Text,
    docs: "\
## What it does
Needs a `[team]` table in plainly.toml. Flags a clock time in a message (\"3pm\",
\"15:00 CET\", \"noon\") whose zone is known, written next to it or the writer's configured
`timezone`, when it falls outside the core hours of one of the team's `zones`, and names
the local time there: \"3pm PT is 7am Wednesday in Tokyo\".

## Why
A meeting at a teammate's 7am, or a deadline that ends their day early, is easy to miss
and costs goodwill. Seeing the local time before sending lets the writer pick a better
slot or say the time is flexible.

## What counts
The time's date is the first date, weekday or relative day in its sentence (\"tomorrow\",
\"Fri\", \"Nov 3\"), else today (or `PLAINLY_TODAY`), so daylight saving time is right for
the day meant. Core hours are `core-hours` in each zone's local time (default
09:00–17:00, or per zone, such as `core-hours = { default = \"09:00-17:00\", \"Asia/Tokyo\" =
\"10:00-18:00\" }`); Saturday and Sunday are outside them. Times with no known zone, and \"your time\", are left to
`time-zone`. The finding names every teammate zone the time falls outside.

```toml
[team]
timezone = \"America/Los_Angeles\"
zones = [\"America/New_York\", \"Europe/Berlin\"]
core-hours = \"09:00-17:00\"
```",
    options: &[],
    example_config: Some(
        "[team]\ntimezone = \"America/Los_Angeles\"\nzones = [\"America/New_York\", \"Europe/Berlin\"]\ncore-hours = \"09:00-17:00\"\n",
    ),
    flagged: &["Can we do the launch review at 3pm PT on Tuesday?"],
    fine: &["Can we do the launch review at 7am PT on Tuesday?", "Send notes by 9am your time."],
};

/// See [`META`].
pub struct OutsideCoreHours;

impl Rule for OutsideCoreHours {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let Some(team) = &cx.settings.team else { return Vec::new() };
        if team.readers.is_empty() {
            return Vec::new();
        }
        let doc = cx.doc;
        let today = team.today();
        let mut findings = Vec::new();
        for &time in &cx.times().clock {
            let Some(clock) = parse_clock(doc.text_of(time)) else { continue };
            let Some(index) = doc.sentence_at(time.start) else { continue };
            let sentence = doc.sentences[index].span;
            let (zone, label) = match zone_mention(cx, sentence) {
                Some(mention) => {
                    let text = doc.text_of(mention);
                    let Some(zone) = zone_of_mention(text) else { continue };
                    (zone, text.to_string())
                }
                None => match &team.writer {
                    Some(writer) => (writer.tz.clone(), String::new()),
                    None => continue,
                },
            };
            let date = reference_date(cx, sentence, today);
            let Ok(instant) = date.to_datetime(clock).to_zoned_datetime(zone) else { continue };
            let outside: Vec<String> = team
                .readers
                .iter()
                .filter_map(|reader| {
                    let local = instant.with_time_zone(reader.zone.tz.clone());
                    let weekend =
                        matches!(local.date().weekday(), jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday);
                    (weekend || !reader.core_hours.contains(local.time())).then(|| {
                        format!(
                            "{} {} in {} ({})",
                            clock_label(local.time()),
                            weekday_name(local.date()),
                            reader.zone.place(),
                            reader.core_hours
                        )
                    })
                })
                .collect();
            if outside.is_empty() {
                continue;
            }
            let written = doc.text_of(time);
            let said = if label.is_empty() { written.to_string() } else { format!("{written} {label}") };
            let message = format!(
                "“{said}” is {}, outside core hours there: pick another time, or say it is flexible.",
                outside.join(" and ")
            );
            findings.push(Finding::new(time, message));
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Profile, Settings};
    use crate::document::{Document, ParseOptions};
    use crate::input::FileKind;

    /// A team writing from `writer`, read in Los Angeles, Berlin and Tokyo, on Wed 2026-11-25.
    fn settings(writer: &str) -> Settings {
        crate::rules::testing::team_settings(&format!(
            "[team]\ntimezone = \"{writer}\"\nzones = [\"America/Los_Angeles\", \"Europe/Berlin\", \"Asia/Tokyo\"]\n"
        ))
    }

    fn messages(settings: &Settings, text: &str) -> Vec<String> {
        let doc = Document::parse(text, FileKind::Text, ParseOptions { skip_quotes: true });
        let cx = Context::new(&doc, settings, Profile::Message);
        OutsideCoreHours.check(&cx).into_iter().map(|f| format!("{}: {}", doc.text_of(f.span), f.message)).collect()
    }

    #[test]
    fn names_the_local_time_where_it_is_outside_core_hours() {
        // Tuesday 2026-12-01, 3pm PST = 23:00 UTC.
        assert_eq!(
            messages(&settings("Europe/Berlin"), "Call at 3pm PT on Tuesday?"),
            ["3pm: “3pm PT” is 12am Wednesday in Berlin (09:00–17:00) and 8am Wednesday in Tokyo (09:00–17:00), \
outside core hours there: pick another time, or say it is flexible."]
        );
    }

    #[test]
    fn the_writers_zone_is_used_when_none_is_written() {
        let found = messages(&settings("Europe/Berlin"), "Let's meet at 18:00 tomorrow.");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].contains("6pm Thursday in Berlin") && found[0].contains("2am Friday in Tokyo"),
            "{}",
            found[0]
        );
        assert!(!found[0].contains("Los Angeles"), "9am in Los Angeles is inside core hours: {}", found[0]);
    }

    #[test]
    fn daylight_saving_time_is_that_of_the_day_meant() {
        // 16:00 Berlin is 7am in Los Angeles in January, but 8am on 2026-03-18, between
        // America's switch to summer time (Mar 8) and Europe's (Mar 29).
        let settings = settings("Europe/Berlin");
        let winter = messages(&settings, "Review at 16:00 on 2026-01-14.");
        let split = messages(&settings, "Review at 16:00 on 2026-03-18.");
        assert!(winter[0].contains("7am Wednesday in Los Angeles"), "{}", winter[0]);
        assert!(split[0].contains("8am Wednesday in Los Angeles"), "{}", split[0]);
    }

    #[test]
    fn across_the_date_line_monday_morning_is_sunday() {
        // 9am Monday in Auckland (UTC+13) is noon on Sunday in Los Angeles: inside the
        // hours, but on a weekend.
        let found = messages(&settings("Pacific/Auckland"), "Deploy at 9am on Monday 2026-11-30.");
        assert!(found[0].contains("12pm Sunday in Los Angeles"), "{}", found[0]);
        assert!(found[0].contains("9pm Sunday in Berlin"), "{}", found[0]);
    }

    #[test]
    fn inside_everyones_core_hours_is_fine() {
        let settings = Settings::parse(
            std::path::Path::new("plainly.toml"),
            "[team]\ntimezone = \"Europe/Berlin\"\nzones = [\"Europe/London\"]\n",
        )
        .unwrap();
        assert!(messages(&settings, "Let's meet at 11:00 on Thursday 2026-11-26.").is_empty());
    }

    #[test]
    fn your_time_and_no_team_are_left_alone() {
        assert!(messages(&settings("Europe/Berlin"), "Send it by 6am your time.").is_empty());
        assert!(messages(&Settings::default(), "Let's meet at 3am PT.").is_empty());
    }
}
