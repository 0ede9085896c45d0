//! Flags meeting and deadline times that fall outside a teammate's core hours.

use jiff::ZonedDateTime;
use jiff::civil::{Time, Weekday};

use super::{Context, MESSAGE_STANDUP, Rule, RuleMeta, Scope};
use crate::analysis::times::{declared_zone, is_range, reference_date, written_zone};
use crate::finding::{Finding, Severity};
use crate::span::Span;
use crate::team::{Reader, clock_label, parse_clock, weekday_name, zone_of_mention};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "outside-core-hours",
    summary: "A meeting or deadline time outside a teammate's core hours",
    severity: Severity::Info,
    doc_severity: None,
    profiles: MESSAGE_STANDUP,
    optional_profiles: &[],
    weight: 4,
    scope: Scope::Text,
    reads_english: false,
    docs: r#"
## What it does
Needs a `[team]` table in plainly.toml. Flags a clock time in a message ("3pm",
"15:00 CET", "noon") whose zone is known, written next to it or the writer's configured
`timezone`, when it falls outside the core hours of one of the team's `zones`, and names
the local time there: "3pm PT is 7am Wednesday in Tokyo".

## Why
A meeting at a teammate's 7am, or a deadline that ends their day early, is easy to miss
and costs goodwill. Seeing the local time before sending lets the writer pick a better
slot or say the time is flexible.

## What counts
Each time is placed in the zone written with it: "10am PT / 1pm ET" is 10am in Los
Angeles and 1pm in New York, and since both are the same moment, one finding. A range
("9am to 10am PT", "16:00–18:00") is one finding, flagged when any part of it falls
outside core hours. A dash between times that each name another zone, or a chain of
three or more, is no range but one moment said in several zones ("7am Pacific - 10am
Eastern - 3pm UK"). A time with no zone of its own takes the zone of the range it
opens, else a zone in its sentence that no time owns ("3pm tomorrow, Berlin time"),
else the zone of another time in the sentence, else the writer's `timezone`.
The time's date is the first date, weekday or relative day in its sentence ("tomorrow",
"Fri", "Nov 3"), else today (or `PLAINLY_TODAY`), so daylight saving time is right for
the day meant. Core hours are `core-hours` in each zone's local time (default
09:00–17:00, or per zone, such as `core-hours = { default = "09:00-17:00", "Asia/Tokyo" =
"10:00-18:00" }`); Saturday and Sunday are outside them. Times with no known zone, and "your time", are left to
`time-zone`. The finding names every teammate zone the time falls outside.

```toml
[team]
timezone = "America/Los_Angeles"
zones = ["America/New_York", "Europe/Berlin"]
core-hours = "09:00-17:00"
```"#,
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
        let mut findings: Vec<Finding> = Vec::new();
        let mut said: Vec<Said> = Vec::new();
        let clock = cx.clock_times();
        let declared = std::cell::OnceCell::new();
        // Each clock time's own zone, written right after it ("10am PT"), read once.
        let own_zones: Vec<Option<Span>> =
            clock.iter().map(|&time| written_zone(cx, time).filter(|z| written_after(&doc.prose, time, *z))).collect();
        // Whether the times at `a` and `b` read as a range, "9am PT to 10am".
        let joins =
            |a: usize, b: usize| is_range(&doc.prose, own_zones[a].map_or(clock[a].end, |z| z.end), clock[b].start);
        let mut next = 0;
        while next < clock.len() {
            let at = next;
            let first = clock[at];
            next += 1;
            let Some(index) = doc.sentence_at(first.start) else { continue };
            let sentence = doc.sentences[index].span;
            // "9am to 10am PT" is one meeting: a range is checked, and reported, once. Two
            // times that each name another zone are one moment said twice ("7am Pacific -
            // 10am Eastern"), or two ends each in its own zone: each is read in its own. So
            // is a chain of three or more ("7am Pacific - 10am Eastern - 3pm UK"): a range
            // has two ends.
            let in_sentence =
                |i: usize| clock.get(i).is_some_and(|t| t.start >= sentence.start && t.end <= sentence.end);
            let chained = |second: usize| {
                (at > 0 && in_sentence(at - 1) && joins(at - 1, at))
                    || (in_sentence(second + 1) && joins(second, second + 1))
            };
            let last = if in_sentence(next)
                && joins(at, next)
                && !other_zones(doc, own_zones[at], own_zones[next])
                && !chained(next)
            {
                next += 1;
                clock[at + 1]
            } else {
                first
            };
            let Some(start) = parse_clock(doc.text_of(first)) else { continue };
            let Some(end) = parse_clock(doc.text_of(last)) else { continue };
            // A time with no zone of its own takes the one the message states for all
            // ("All times UTC").
            let mention =
                written_zone(cx, last).or_else(|| declared.get_or_init(|| declared_zone(cx)).as_ref().copied());
            let zone = match mention {
                Some(mention) => {
                    let Some(zone) = zone_of_mention(doc.text_of(mention)) else { continue };
                    zone
                }
                None => match &team.writer {
                    Some(writer) => writer.tz.clone(),
                    None => continue,
                },
            };
            let date = reference_date(cx, sentence, today);
            let Ok(from) = date.to_datetime(start).to_zoned_datetime(zone.clone()) else { continue };
            let Ok(mut until) = date.to_datetime(end).to_zoned_datetime(zone) else { continue };
            if last != first && until <= from {
                // "11pm to 1am" ends the next day.
                let Ok(next_day) = until.tomorrow() else { continue };
                until = next_day;
            }
            let moment = (from.timestamp(), until.timestamp(), last != first);
            // The quoted text is what the message says: the times with the zone written after them.
            let own = mention.filter(|z| written_after(&doc.prose, last, *z));
            let text_end =
                own.map_or(last.end, |z| if doc.source[z.end..].starts_with(')') { z.end + 1 } else { z.end });
            let span = Span::new(first.start, last.end);
            if let Some(same) = said.iter_mut().find(|s| s.sentence == index && s.moment == moment) {
                // The same moment in a second zone ("10am PT / 1pm ET") is the same finding.
                let covered = Span::new(findings[same.finding].span.start, span.end);
                let quoted = doc.text_of(Span::new(covered.start, text_end.max(covered.end)));
                findings[same.finding] = Finding::new(covered, message(quoted, None, &same.outside));
                continue;
            }
            let ranged = last != first;
            let outside: Vec<String> =
                team.readers.iter().filter_map(|reader| outside_for(reader, &from, &until, ranged)).collect();
            if outside.is_empty() {
                continue;
            }
            let quoted = doc.text_of(Span::new(first.start, text_end));
            // A zone written elsewhere in the sentence is named beside the time it applies to.
            let elsewhere = mention.filter(|z| own.is_none() && !Span::new(first.start, text_end).overlaps(*z));
            let elsewhere = elsewhere.map(|z| doc.text_of(z));
            said.push(Said { sentence: index, moment, finding: findings.len(), outside: outside.clone() });
            findings.push(Finding::new(span, message(quoted, elsewhere, &outside)));
        }
        findings
    }
}

/// Where a time (`from`, or the range `from`–`until`) falls for `reader` when any of
/// it is outside their core hours or on their weekend: "6pm–7pm Tuesday in Berlin
/// (09:00–17:00)".
fn outside_for(reader: &Reader, from: &ZonedDateTime, until: &ZonedDateTime, ranged: bool) -> Option<String> {
    let local = from.with_time_zone(reader.zone.tz.clone());
    let local_end = until.with_time_zone(reader.zone.tz.clone());
    // The last minute of a range is the one before its end.
    let last_minute = local_end.checked_sub(jiff::Span::new().minutes(1)).unwrap_or(local_end.clone());
    let off = |at: &ZonedDateTime| {
        matches!(at.date().weekday(), Weekday::Saturday | Weekday::Sunday) || !reader.core_hours.contains(at.time())
    };
    if !(off(&local) || (ranged && off(&last_minute))) {
        return None;
    }
    let (start, day) = (clock_label(local.time()), weekday_name(local.date()));
    let when = if !ranged {
        format!("{start} {day}")
    } else if local.date() == local_end.date() || local_end.time() == Time::midnight() {
        format!("{start}–{} {day}", clock_label(local_end.time()))
    } else {
        format!("{start} {day}–{} {}", clock_label(local_end.time()), weekday_name(local_end.date()))
    };
    Some(format!("{when} in {} ({})", reader.zone.place(), reader.core_hours))
}

/// Whether `zone` is written right after the clock time `time` ("3pm PT", "3pm (PT)").
fn written_after(prose: &str, time: Span, zone: Span) -> bool {
    zone.start >= time.end && prose[time.end..zone.start].chars().all(|c| c.is_whitespace() || c == '(')
}

/// Whether two zone mentions name different zones ("Pacific" and "Eastern"; not "PT" and
/// "Pacific").
fn other_zones(doc: &crate::document::Document<'_>, a: Option<Span>, b: Option<Span>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return false };
    let zone = |mention: Span| zone_of_mention(doc.text_of(mention)).map(|tz| tz.iana_name().map(str::to_string));
    zone(a) != zone(b)
}

/// A time already reported in a sentence, so the same moment in another zone joins it.
struct Said {
    sentence: usize,
    moment: (jiff::Timestamp, jiff::Timestamp, bool),
    finding: usize,
    outside: Vec<String>,
}

/// "“3pm PT” is 12am Wednesday in Berlin (09:00–17:00), outside core hours there: …".
fn message(quoted: &str, zone_elsewhere: Option<&str>, outside: &[String]) -> String {
    let said = match zone_elsewhere {
        Some(zone) => format!("“{quoted}” ({zone})"),
        None => format!("“{quoted}”"),
    };
    format!("{said} is {}, outside core hours there: pick another time, or say it is flexible.", outside.join(" and "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Profile;
    use crate::config::Settings;
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
    fn each_time_takes_the_zone_written_with_it_and_one_moment_is_one_finding() {
        let settings = settings("Europe/Berlin");
        // Wednesday 2026-11-25: 10am PST is 1pm EST, 7pm in Berlin, 3am Thursday in Tokyo.
        assert_eq!(
            messages(&settings, "Let's talk on Wednesday at 10am PT / 1pm ET."),
            ["10am PT / 1pm: “10am PT / 1pm ET” is 7pm Wednesday in Berlin (09:00–17:00) and 3am Thursday in \
Tokyo (09:00–17:00), outside core hours there: pick another time, or say it is flexible."]
        );
        // Friday 2026-11-27: 16:00 UTC is 17:00 CET, 8am in Los Angeles, 1am Saturday in Tokyo.
        assert_eq!(
            messages(&settings, "The deploy is at 16:00 UTC (17:00 CET) on Friday."),
            ["16:00 UTC (17:00: “16:00 UTC (17:00 CET)” is 8am Friday in Los Angeles (09:00–17:00) and 5pm Friday \
in Berlin (09:00–17:00) and 1am Saturday in Tokyo (09:00–17:00), outside core hours there: pick another time, or \
say it is flexible."]
        );
    }

    #[test]
    fn a_dash_between_times_in_other_zones_is_no_range() {
        // A real mailing-list post (data/messages mt-030): one moment said in five zones.
        let found = messages(
            &settings("Europe/Berlin"),
            "It seems to me that if we go for\n7am Pacific - 10am Eastern - 3pm UK - 7:30 India - 8pm Sri Lanka\n\
             then we are equally unfair to california and colombo.",
        );
        assert_eq!(
            found[0],
            "7am Pacific - 10am Eastern - 3pm: “7am Pacific - 10am Eastern - 3pm UK” is 7am Wednesday in Los \
Angeles (09:00–17:00) and 12am Thursday in Tokyo (09:00–17:00), outside core hours there: pick another time, or say \
it is flexible."
        );
        // A GitHub issue (data/messages ga-090): one moment in India and in Europe, not a
        // range from 6:30pm to 3pm.
        let found = messages(&settings("Europe/Berlin"), "Lets  have this on 6:30PM IST - 3:00PM CEST");
        assert_eq!(
            found,
            ["6:30PM IST - 3:00PM: “6:30PM IST - 3:00PM CEST” is 5am Wednesday in Los Angeles (09:00–17:00) and 10pm \
Wednesday in Tokyo (09:00–17:00), outside core hours there: pick another time, or say it is flexible."]
        );
        // Two ends in one zone are a range still.
        let range = messages(&settings("Europe/Berlin"), "The window is 9am PT - 10am PT on Friday.");
        assert_eq!(range.len(), 1, "{range:?}");
        assert!(range[0].contains("9am–10am") || range[0].contains("6pm–7pm"), "{range:?}");
    }

    #[test]
    fn a_time_after_a_numeric_date_counts() {
        // A newcomer's message: the time after "2026-12-02 at" is a meeting time.
        let found =
            messages(&settings("Europe/Berlin"), "Can we meet on 2026-12-02 at 10am PT to decide the launch date?");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn two_moments_in_two_zones_are_two_findings() {
        let found = messages(&settings("Europe/Berlin"), "Demo at 8am PT or at 9am ET on Friday.");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with("8am: “8am PT” is 8am Friday in Los Angeles")
                && found[0].contains("5pm Friday in Berlin")
        );
        assert!(found[1].starts_with("9am: “9am ET” is 6am Friday in Los Angeles") && !found[1].contains("Berlin"));
    }

    #[test]
    fn a_range_is_one_finding() {
        // Tuesday 2026-12-01, 9–10am PST is 6–7pm in Berlin.
        assert_eq!(
            messages(&settings("Europe/Berlin"), "Call from 9am to 10am PT on Tuesday."),
            ["9am to 10am: “9am to 10am PT” is 6pm–7pm Tuesday in Berlin (09:00–17:00) and 2am–3am Wednesday in \
Tokyo (09:00–17:00), outside core hours there: pick another time, or say it is flexible."]
        );
        // 16:00–18:00 in Berlin ends after core hours there, though it starts inside them.
        let found = messages(&settings("Europe/Berlin"), "The workshop runs 16:00 - 18:00 tomorrow.");
        assert!(found[0].contains("4pm–6pm Thursday in Berlin"), "{found:?}");
        // Past midnight, the range ends the next day.
        let found = messages(&settings("Europe/Berlin"), "The window is 11pm to 1am CET on Thursday.");
        assert!(found[0].contains("11pm Thursday–1am Friday in Berlin"), "{found:?}");
    }

    #[test]
    fn a_zone_written_elsewhere_in_the_sentence_is_named() {
        let found = messages(&settings("America/New_York"), "Meet at 3pm tomorrow, Berlin time.");
        assert!(found[0].starts_with("3pm: “3pm” (Berlin time) is 6am Thursday in Los Angeles"), "{found:?}");
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
            crate::rules::catalogue(),
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
