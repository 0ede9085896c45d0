//! Flags clock times and end-of-day terms with no time zone in the same sentence.

use super::{ALL_PROFILES, Context, Locality, Rule, RuleMeta, Scope};
use crate::Profile;
use crate::analysis::times::reference_date;
use crate::finding::{Finding, Fix, Severity};
use crate::span::Span;
use crate::team::{Team, parse_clock, zone_label};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "time-zone",
    summary: "A clock time or \"EOD\" with no time zone in the same sentence",
    severity: Severity::Warning,
    doc_severity: None,
    profiles: ALL_PROFILES,
    optional_profiles: &[],
    weight: 8,
    scope: Scope::Text,
    reads_english: false,
    docs: r#"
## What it does
Flags a clock time ("3pm", "3 p.m.", "15:00", "9:30am", "3 o'clock", "noon",
"midnight") or an end-of-day term ("EOD", "COB", "EOB", "end of day", "close of
business") when the same sentence names no time zone.

## Why
On a team spread over time zones, "3pm" is three different times and "EOD" ends
when the writer's day ends, hours before or after the reader's. A reader who guesses
wrong misses the meeting or the deadline, and asking costs a day.

## What counts
A zone anywhere in the sentence clears every time in it: an abbreviation (UTC, GMT,
PT/PST/PDT, ET/EST/EDT, CT, MT, CET/CEST, BST, IST, JST, AEST/AEDT, NZT, AoE and more),
an offset ("UTC+2", "GMT-5"), a Z-suffixed or offset ISO time, or a relative zone
("your time", "my time", "local time", "Berlin time", "Pacific time"), an IANA or
POSIX name ("Europe/Berlin", "PST8PDT"), or a region or city right after the time
("3pm UK", "10am East Coast", "9:00 London") or heading a line that gives its time
("London, 4pm", as a meeting notice lists places and times): the `region` list in
`rules/time.toml`, which a team's rule file can extend. A city or office alone ("in
Tokyo", "the UK team") is not a zone. One finding per sentence, at its first time.

A zone stated once covers the whole message (the spec's hard case): "All times UTC",
"My TZ is UTC-7", "(times in CET)", "I'm in PT", and as much a zone named anywhere,
with a time or alone: in "The review is at 11:30 CST. It follows the 11am sync." the
readers know the zone of 11am. A zone asked about ("Time zones (ET / PT / UTC?)")
states nothing, nor does one relative to a person ("08:00 in the customer's local
time", "10am your time"), which gives that time to each reader but no zone for the
others. In the `doc` profile only a zone declared for all times ("All times UTC")
covers the file: a long document's zone for one meeting says nothing of a time
elsewhere.

Timestamps are not times anyone acts at: a time with seconds, a time right after a
numeric date with its year ("11/28/2000 08:22 AM", but not "on 2026-12-02 at
10am"), and a chat log's line stamps ("[17:02] <kim> …")."#,
    options: &[],
    example_config: None,
    flagged: &["Let's meet at 3pm tomorrow.", "Please send it by EOD Friday."],
    fine: &[
        "Let's meet at 3pm CET tomorrow.",
        "Please send it by 17:00 your time on Friday.",
        "The answer is midnight AoE.",
        "All times are UTC. Standup moves to 9:30 and the retro to 15:00.",
        "Can we meet at 3pm UK tomorrow, or 10am East Coast?",
    ],
};

/// See [`META`].
pub struct TimeZone;

impl Rule for TimeZone {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        let doc = cx.doc;
        // "All times UTC", or in a message a zone named once, covers every time in it. A
        // document is long: a zone named for one meeting says nothing of a time elsewhere.
        let covered = if cx.profile == Profile::Doc {
            crate::analysis::times::declared_zone(cx)
        } else {
            crate::analysis::times::stated_zone(cx)
        };
        if covered.is_some() {
            return Vec::new();
        }
        let end_of_day = cx.phrases().get(crate::lexicon::List::EndOfDay).iter().map(|m| m.span);
        let mut found: Vec<Span> = cx.clock_times().iter().copied().chain(end_of_day).collect();
        found.sort_unstable();
        let mut findings = Vec::new();
        let mut last_sentence = None;
        for &time in &found {
            let Some(sentence) = doc.sentence_at(time.start) else { continue };
            let span = doc.sentences[sentence].span;
            if last_sentence == Some(sentence) || crate::analysis::times::has_zone(cx, span) {
                continue;
            }
            last_sentence = Some(sentence);
            let text = doc.text_of(time);
            // The zone goes after the sentence's last time: "from 9:30 to 11:30 CET".
            let last = span.starting_in(&found).last().copied().unwrap_or(time);
            let finding = match cx.settings.team.as_ref().and_then(|team| writers_zone(cx, team, span, last)) {
                Some(label) => {
                    let last_text = doc.text_of(last);
                    // One zone after the last time covers the sentence; say where it goes.
                    let subject = if last == time {
                        format!("“{text}” has")
                    } else {
                        format!("“{text}” and the later times in this sentence have")
                    };
                    Finding::new(
                        time,
                        format!(
                            "{subject} no time zone: readers elsewhere will guess. Add yours (“{last_text} {label}”)."
                        ),
                    )
                }
                .with_fix(Fix {
                    title: format!("Add your time zone: “{} {label}”", doc.text_of(last)),
                    replacement: format!(" {label}"),
                    span: Span::empty(last.end),
                    safe: true,
                }),
                None => Finding::new(
                    time,
                    format!(
                        "“{text}” has no time zone: readers elsewhere will guess. Add one (“{text} UTC”), or say “your time”."
                    ),
                ),
            };
            findings.push(finding);
        }
        findings
    }

    fn locality(&self) -> Locality {
        // A zone stated once ("All times UTC", "11:30 CST") covers the whole message.
        Locality::Document
    }
}

/// The writer's zone as readers should see it at `time` on the day the sentence means:
/// "CET" in winter and "CEST" in summer, or an offset ("UTC+5:30") where the
/// abbreviation is ambiguous or the config asks for offsets. End-of-day terms are read
/// as 17:00.
fn writers_zone(cx: &Context<'_>, team: &Team, sentence: Span, time: Span) -> Option<String> {
    let writer = team.writer.as_ref()?;
    let clock = parse_clock(cx.doc.text_of(time)).unwrap_or(jiff::civil::Time::constant(17, 0, 0, 0));
    let date = reference_date(cx, sentence, team.today());
    let zoned = date.to_datetime(clock).to_zoned_datetime(writer.tz.clone()).ok()?;
    Some(zone_label(&zoned, team.style))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Profile;
    use crate::input::FileKind;
    use crate::rules::testing::*;

    #[test]
    fn timestamps_are_not_times_to_act_at() {
        // Forwarded headers and a post's footer from the treebank's emails and newsgroups.
        assert_clean(
            &TimeZone,
            "Russell Montgomery@ENRON 11/28/2000 08:22 AM Richard- Per my voice mail, here is the letter.",
        );
        assert_clean(&TimeZone, "Posted by Hidden Nook to Hidden Nook at 2/14/2005 07:03:00 PM");
        assert_clean(&TimeZone, "Mike Jordan 21/03/2001 18:20 Several related issues have resulted in an increase.");
        assert_flags(&TimeZone, "Can we meet on 11/30 at [[10:30]]?");
    }

    #[test]
    fn flags_clock_time_without_zone() {
        assert_flags(&TimeZone, "We are scheduled to meet at [[3:00 p.m.]] in room 5.");
        assert_flags(&TimeZone, "Standup moved to [[15:30]].");
        assert_flags(&TimeZone, "The docs will be done by [[noon]].");
        assert_flags(&TimeZone, "Let's meet at [[3 o'clock]] to plan the release.");
        assert_flags(&TimeZone, "Let's meet at [[ten o’clock]] to plan the release.");
        // data/messages mt3-101 (a GitHub comment) and the sixth audit's a/17 (an IRC log).
        assert_flags(
            &TimeZone,
            "During the weekdays it's going to be hard for me to commit to times around [[3 o'clock]].",
        );
        assert_flags(&TimeZone, "Hi everyone, my watch says [[1 o'clock]].");
    }

    #[test]
    fn a_time_after_a_numeric_date_and_at_is_a_time_to_meet_at() {
        // A newcomer's messages: "at" makes it a time to act at, not a log's timestamp.
        assert_flags(&TimeZone, "Can we meet on 2026-12-02 at [[10am]] to decide the launch date?");
        assert_flags(&TimeZone, "Can we meet on 12/02/2026 at [[3pm]] to decide the launch date?");
        assert_clean(&TimeZone, "Russell Montgomery@ENRON 11/28/2000 08:22 AM");
    }

    #[test]
    fn dotted_times_are_clock_times() {
        // The spec's hard case: "10.30" and "14.30h" are times; versions and amounts are not.
        assert_flags(&TimeZone, "Can we have a call at [[10.30]] to decide the launch date?");
        // A range is one time to the reader: it is reported once, at its start.
        assert_flags(&TimeZone, "The review runs from [[9.00]] to 10.30.");
        assert_flags(&TimeZone, "Training starts [[14.30h]] sharp.");
        assert_clean(&TimeZone, "Upgrade to 10.30 first, then to 11.2.1, and it costs 12.50 a month.");
        // "from" and "between" open ranges of versions too: a time only with a time after.
        assert_flags(&TimeZone, "Can we move the sync from [[10.30]] to 11.15?");
        assert_flags(&TimeZone, "I'm free between [[14.00]] and 15:30, does that work?");
        assert_clean(&TimeZone, "the current ones we have in the project are from 2.32 (androiddriver)");
        assert_clean(&TimeZone, "It broke somewhere between 1.20 and the next release.");
    }

    #[test]
    fn a_zone_stated_once_covers_the_message() {
        // The spec's hard case, with a postmortem's own wording.
        assert_clean(
            &TimeZone,
            "All times are in 24-hour PST8PDT.\n\nAt 14:02 the deploy started. At 14:10 alerts fired. We rolled back at 14:30.",
        );
        assert_clean(&TimeZone, "My TZ is UTC-7. Can we meet at 3pm tomorrow to decide the launch date?");
        assert_clean(&TimeZone, "Can we meet at 3pm tomorrow (times in CET) to decide?\n\nOr Friday at 10am.");
        assert_clean(&TimeZone, "Standup is at 9:30.\n\nTimestamps in this doc are Europe/Berlin.");
        // "times" that names no zone states nothing; a zone one time owns covers the rest.
        assert_flags(&TimeZone, "I called three times. Can we meet at [[3pm]]?");
        assert_clean(&TimeZone, "Meeting times: 3pm UTC.\n\nThe retro is at 5pm.");
        // Zones discussed, not stated (the docs corpus's meeting notes).
        assert_flags(&TimeZone, "Time zones (ET / PT / UTC?) in meeting docs.\n\nDiscussion at [[10am]].");
        assert_flags(&TimeZone, "Which time zone, UTC?\n\nDiscussion at [[10am]].");
    }

    #[test]
    fn a_region_right_after_a_time_is_its_zone() {
        assert_clean(&TimeZone, "Can we meet at 3pm UK tomorrow, or 10am East Coast time?");
        assert_clean(&TimeZone, "The demo is at 9:00 London on Friday.");
        // A meeting notice's list of places and times (data/audits/2026-12-07-4, 23).
        assert_clean(
            &TimeZone,
            "The call is on Monday at the following times:\n\nCalifornia, 8am\nNYC, 11am\nLondon, 4pm\n",
        );
        assert_clean(&TimeZone, "Standup times:\n- London: 9:30\n- Berlin: 10:30\n");
        // A place in the middle of a line, before a time, is where something is.
        assert_flags(&TimeZone, "We met in London, [[4pm]] was too late for Sam.");
        // A place that is not written with the time is where someone is.
        assert_flags(&TimeZone, "The UK team meets at [[3pm]].");
    }

    #[test]
    fn stated_zones_and_regions_in_the_docs_corpus() {
        // Three sources in ../shared/corpus: a postmortem (sig-cluster-lifecycle), a
        // contributor summit's agenda (events/2017) and SIG meeting notes.
        assert_clean(
            &TimeZone,
            "All times are in 24-hour PST8PDT.\n\n**2017/03/14**\n\n> 13:11 pipejakob fixes kubeadm e2e job configuration",
        );
        assert_clean_in(
            &TimeZone,
            Profile::Doc,
            FileKind::Markdown,
            "**Agenda:**  \nTimes in CST   \n- 08:00 am - Registration and light breakfast  \n- 09:00 am - Welcome and start of content",
        );
        assert_clean_in(
            &TimeZone,
            Profile::Doc,
            FileKind::Markdown,
            "* Regular SIG Meeting: Thursdays at 17:00 Poland (weekly).\n\n*   Wed 7:30am Bangalore\n*   Wed 10am Beijing\n*   Wed 11am Tokyo",
        );
    }

    #[test]
    fn a_zone_after_a_dotted_meridiem_is_the_times() {
        // An Enron meeting notice (UD English EWT), a forum post (PlanetMath, 2012) and a
        // help line on VA.gov: the zone after "a.m." or "p.m." does not start a sentence.
        assert_clean(
            &TimeZone,
            "Executive Committee Weekly Meeting Date: Monday, May 7th Time: 11:00 a.m. (CDT) Location: 50th Floor Boardroom",
        );
        assert_clean(
            &TimeZone,
            "I suggest that we have a discussion tomorrow,\n7 November, at 7 p.m. Pacific time (8 p.m. Mountain\ntime, 9 p.m. Central time, 10 p.m. Eastern time, etc.)",
        );
        assert_clean(
            &TimeZone,
            "If this information is incorrect, please call Veterans Benefits Assistance at 800-827-1000, Monday through Friday, 8:00 a.m. to 9:00 p.m. ET.",
        );
        assert_flags(&TimeZone, "The call is at [[3 p.m.]] See you there.");
    }

    #[test]
    fn a_chat_logs_line_stamps_are_not_the_writers_times() {
        assert_clean(&TimeZone, "[17:02] <jason> are we going to wait for steven?\n(17:03) greg: yes");
        assert_flags(&TimeZone, "[17:03] <greg> I think so, he said [[17:30]].");
    }

    #[test]
    fn flags_end_of_day_terms() {
        assert_flags(&TimeZone, "My goal is to send it by [[EOD]] Nov 25.");
        assert_flags(&TimeZone, "Please reply by [[close of business]] Friday.");
    }

    #[test]
    fn one_finding_per_sentence() {
        assert_flags(&TimeZone, "Vince is free from [[9:30 AM]] - 11:30 AM and 1:00 PM - 4:00 PM.");
    }

    #[test]
    fn zone_in_same_sentence_clears() {
        assert_clean(&TimeZone, "This meeting will take place tomorrow at 11:30 CST in 47C1.");
        assert_clean(&TimeZone, "Deadline is 2026-11-03T15:00Z.");
        assert_clean(&TimeZone, "Call at 9am Pacific time, 18:00 Berlin time.");
        assert_clean(&TimeZone, "Ship by 5pm UTC+2.");
        assert_clean(&TimeZone, "The answer is midnight AoE.");
    }

    #[test]
    fn in_a_document_only_a_declared_zone_covers_the_file() {
        let text = "The kickoff is at 10am PT.\n\nThe retro is at [[3pm]].";
        assert_flags_in(&TimeZone, Profile::Doc, FileKind::Markdown, text);
        assert_clean_in(&TimeZone, Profile::Doc, FileKind::Markdown, "All times are UTC.\n\nThe retro is at 3pm.");
    }

    #[test]
    fn a_zone_named_in_another_sentence_covers_the_message() {
        // The spec's hard case, as its labeled sets read it (examples/messages 007,
        // messages-2 008 and 022).
        assert_clean(&TimeZone, "The review is at 11:30 CST. It follows the 11am sync.");
        assert_clean(
            &TimeZone,
            "The upgrade starts Monday morning (US Central time). I'll take it down around 8:00am.",
        );
        // A zone relative to a person gives no zone to the other times (tests/messages 073).
        assert_flags(
            &TimeZone,
            "Business hours are 08:00 to 18:00 in the customer's local time.\n\nCan you sign off before the [[10am]] call?",
        );
        assert_flags(&TimeZone, "Is 3pm your time OK?\n\nOtherwise the [[5pm]] slot.");
    }

    #[test]
    fn city_alone_is_not_a_zone() {
        assert_flags(&TimeZone, "Meet at [[4pm]] in Tokyo.");
    }

    #[test]
    fn end_of_the_day_as_idiom_is_fine() {
        assert_clean(&TimeZone, "At the end of the day, it is your call.");
    }

    fn fix_with_writer_in(zone: &str, text: &str) -> String {
        let settings = team_settings(&format!("[team]\ntimezone = \"{zone}\"\n"));
        let found =
            crate::rules::testing::run_with(&TimeZone, &settings, crate::Profile::Message, crate::FileKind::Text, text);
        let fix = &found[0].fixes[0];
        assert!(fix.safe);
        format!("{}{}{}", &text[..fix.span.start], fix.replacement, &text[fix.span.end..])
    }

    #[test]
    fn knowing_the_writers_zone_gives_a_safe_fix_valid_on_the_date() {
        assert_eq!(fix_with_writer_in("Europe/Berlin", "Call at 3pm tomorrow."), "Call at 3pm CET tomorrow.");
        assert_eq!(
            fix_with_writer_in("Europe/Berlin", "Call at 3pm on 2026-07-01."),
            "Call at 3pm CEST on 2026-07-01."
        );
        assert_eq!(fix_with_writer_in("America/Los_Angeles", "Ship by EOD Friday."), "Ship by EOD PST Friday.");
        assert_eq!(fix_with_writer_in("Asia/Kolkata", "Sync at 10:00."), "Sync at 10:00 UTC+5:30.");
        assert_eq!(
            fix_with_writer_in("Europe/Berlin", "Free from 9:30 to 11:30 today."),
            "Free from 9:30 to 11:30 CET today."
        );
    }

    #[test]
    fn the_message_names_the_time_the_zone_follows() {
        let settings = team_settings("[team]\ntimezone = \"Europe/Berlin\"\n");
        let text = "Meet at 3pm tomorrow; the cut-off is 16:30.";
        let found = run_with(&TimeZone, &settings, crate::Profile::Message, crate::FileKind::Text, text);
        assert_eq!(
            found[0].message,
            "“3pm” and the later times in this sentence have no time zone: readers elsewhere will guess. \
             Add yours (“16:30 CET”)."
        );
        assert_eq!(found[0].fixes[0].title, "Add your time zone: “16:30 CET”");
    }

    #[test]
    fn across_a_dst_change_the_label_follows_the_date() {
        // Europe/Berlin switches to summer time on 2026-03-29 at 02:00.
        assert_eq!(fix_with_writer_in("Europe/Berlin", "Meet at 9am on 2026-03-28."), "Meet at 9am CET on 2026-03-28.");
        assert_eq!(
            fix_with_writer_in("Europe/Berlin", "Meet at 9am on 2026-03-29."),
            "Meet at 9am CEST on 2026-03-29."
        );
    }

    #[test]
    fn numbers_that_are_not_times_are_fine() {
        assert_clean(&TimeZone, "Version 1.20 ships 3 features and a 16:9 layout.");
    }
}
