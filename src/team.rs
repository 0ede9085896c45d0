//! The team behind the messages: the writer's time zone, the readers' zones and their
//! core hours (`[team]` in plainly.toml). Times are placed in every zone with jiff and
//! its bundled copy of the IANA time-zone database, so DST and the date line are
//! handled the same way on every machine.

use std::fmt;

use jiff::civil::{Date, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ZonedDateTime as Zoned};

/// How the `time-zone` fix names the writer's zone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ZoneStyle {
    /// The abbreviation valid on the date ("CET", "PDT"), or an offset where the
    /// abbreviation is ambiguous ("IST") or numeric ("+08").
    #[default]
    Abbreviation,
    /// Always an offset from UTC ("UTC+1").
    Offset,
}

/// A named IANA time zone.
#[derive(Clone, Debug)]
pub struct Zone {
    /// The IANA name, as configured ("Asia/Tokyo").
    pub name: String,
    /// The zone's rules.
    pub tz: TimeZone,
}

impl Zone {
    /// The zone with this IANA name.
    pub fn get(name: &str) -> Option<Zone> {
        TimeZone::get(name).ok().map(|tz| Zone { name: name.to_string(), tz })
    }

    /// The place readers know the zone by: "Tokyo", "Los Angeles".
    pub fn place(&self) -> String {
        self.name.rsplit('/').next().unwrap_or(&self.name).replace('_', " ")
    }
}

/// Core hours in a zone's local time, as minutes after midnight; `end` may be past
/// midnight for a night shift ("22:00-06:00").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CoreHours {
    /// First minute.
    pub start: u16,
    /// Minute after the last.
    pub end: u16,
}

impl CoreHours {
    /// Parses "09:00-17:00".
    pub fn parse(text: &str) -> Option<CoreHours> {
        let (start, end) = text.split_once('-')?;
        let minutes = |t: &str| {
            let (h, m) = t.trim().split_once(':')?;
            let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
            (h <= 24 && m < 60 && h * 60 + m <= 24 * 60).then_some(h * 60 + m)
        };
        let (start, end) = (minutes(start)?, minutes(end)?);
        (start != end).then_some(CoreHours { start, end })
    }

    /// Whether a local time of day falls inside.
    pub fn contains(self, time: Time) -> bool {
        let minute = time.hour() as u16 * 60 + time.minute() as u16;
        if self.start < self.end {
            (self.start..self.end).contains(&minute)
        } else {
            minute >= self.start || minute < self.end
        }
    }
}

impl fmt::Display for CoreHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}–{:02}:{:02}", self.start / 60, self.start % 60, self.end / 60, self.end % 60)
    }
}

/// A reader's zone and core hours.
#[derive(Clone, Debug)]
pub struct Reader {
    /// Where the reader is.
    pub zone: Zone,
    /// When the reader works, in local time.
    pub core_hours: CoreHours,
}

/// The resolved `[team]` table.
#[derive(Clone, Debug, Default)]
pub struct Team {
    /// The writer's zone: times without a zone are read in it.
    pub writer: Option<Zone>,
    /// The readers' zones and core hours.
    pub readers: Vec<Reader>,
    /// How fixes name the writer's zone.
    pub style: ZoneStyle,
    /// The date times without a date refer to; today when `None`.
    pub today: Option<Date>,
}

impl Team {
    /// The date that times without a date refer to: the configured one, else today in
    /// the writer's zone (or UTC).
    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(|| {
            let tz = self.writer.as_ref().map_or(TimeZone::UTC, |w| w.tz.clone());
            Timestamp::now().to_zoned_datetime(tz).date()
        })
    }
}

/// The hour and minute of a clock time as written: "3pm", "3:30 p.m.", "15:00",
/// "noon", "midnight", "12am", "3 o'clock" (an hour of the clock face, as "3:00" is).
pub fn parse_clock(text: &str) -> Option<Time> {
    let lower = text.to_ascii_lowercase().replace(['.', ' ', '\'', '\u{2019}'], "");
    match lower.as_str() {
        "noon" | "midday" => return Some(Time::constant(12, 0, 0, 0)),
        "midnight" => return Some(Time::constant(0, 0, 0, 0)),
        _ => {}
    }
    if let Some(hour) = lower.strip_suffix("oclock") {
        const WORDS: [&str; 12] =
            ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
        let hour = match WORDS.iter().position(|w| *w == hour) {
            Some(at) => at as i8 + 1,
            None => hour.parse().ok()?,
        };
        return (1..=12).contains(&hour).then(|| Time::constant(hour, 0, 0, 0));
    }
    let (digits, meridiem) = match lower.strip_suffix("am") {
        Some(rest) => (rest, Some(false)),
        None => match lower.strip_suffix("pm") {
            Some(rest) => (rest, Some(true)),
            None => (lower.as_str(), None),
        },
    };
    let mut parts = digits.split(':');
    let mut hour: i8 = parts.next()?.parse().ok()?;
    let minute: i8 = parts.next().map_or(Some(0), |m| m.parse().ok())?;
    match meridiem {
        Some(pm) if (1..=12).contains(&hour) => hour = hour % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => {}
    }
    Time::new(hour, minute, 0, 0).ok()
}

/// The zone a written mention names: an abbreviation ("PT", "CEST", "JST"), an offset
/// ("UTC+2", "GMT-5"), a place ("Berlin time") or "UTC". `None` for "your time", which
/// is every reader's own.
pub fn zone_of_mention(text: &str) -> Option<TimeZone> {
    let trimmed = text.trim();
    let upper = trimmed.to_ascii_uppercase();
    let fixed = |hours: i8| Offset::from_hours(hours).ok().map(TimeZone::fixed);
    let named = |name: &str| TimeZone::get(name).ok();
    match upper.as_str() {
        "UTC" | "GMT" | "Z" | "ZULU" | "UT" => return Some(TimeZone::UTC),
        "PT" | "PACIFIC" | "PACIFIC TIME" => return named("America/Los_Angeles"),
        "PST" => return fixed(-8),
        "PDT" => return fixed(-7),
        "ET" | "EASTERN" | "EASTERN TIME" => return named("America/New_York"),
        "EST" => return fixed(-5),
        "EDT" => return fixed(-4),
        "CT" | "CENTRAL TIME" => return named("America/Chicago"),
        "CST" => return fixed(-6),
        "CDT" => return fixed(-5),
        "MT" | "MOUNTAIN TIME" => return named("America/Denver"),
        "MST" => return fixed(-7),
        "MDT" => return fixed(-6),
        "CET" | "CENTRAL EUROPEAN TIME" => return fixed(1),
        "CEST" | "CENTRAL EUROPEAN SUMMER TIME" => return fixed(2),
        "EET" | "EASTERN EUROPEAN TIME" => return fixed(2),
        "EEST" => return fixed(3),
        "WET" | "WESTERN EUROPEAN TIME" => return fixed(0),
        "WEST" => return fixed(1),
        "BST" | "BRITISH SUMMER TIME" => return fixed(1),
        "IST" | "INDIA STANDARD TIME" => return named("Asia/Kolkata"),
        "JST" | "JAPAN STANDARD TIME" => return fixed(9),
        "KST" => return fixed(9),
        "HKT" => return fixed(8),
        "SGT" => return fixed(8),
        "AEST" => return fixed(10),
        "AEDT" => return fixed(11),
        "NZST" => return fixed(12),
        "NZDT" => return fixed(13),
        "NZT" => return named("Pacific/Auckland"),
        "MSK" => return fixed(3),
        "BRT" => return fixed(-3),
        "AOE" | "ANYWHERE ON EARTH" => return fixed(-12),
        _ => {}
    }
    if let Some(rest) = upper.strip_prefix("UTC").or_else(|| upper.strip_prefix("GMT")) {
        let rest = rest.replace(['\u{2212}', ' '], "-").replace(' ', "");
        let (sign, rest) = match rest.strip_prefix('+') {
            Some(r) => (1, r.to_string()),
            None => (-1, rest.strip_prefix('-')?.to_string()),
        };
        let (h, m) = rest.split_once(':').unwrap_or((&rest, "0"));
        let seconds = sign * (h.parse::<i32>().ok()? * 3600 + m.parse::<i32>().ok()? * 60);
        return Offset::from_seconds(seconds).ok().map(TimeZone::fixed);
    }
    // An IANA or POSIX name: "Europe/Berlin", "PST8PDT".
    if let Some(zone) = named(trimmed) {
        return Some(zone);
    }
    // "Berlin time", "3pm UK", "10am East Coast": a region's zone, or the IANA zone named
    // after the place.
    let place = trimmed.strip_suffix(" time").or_else(|| trimmed.strip_suffix(" Time")).unwrap_or(trimmed).trim();
    if let Some((_, name)) = REGION_ZONES.iter().find(|(region, _)| *region == place) {
        return named(name);
    }
    let place = place.replace(' ', "_");
    jiff::tz::db()
        .available()
        .find(|name| name.as_str().rsplit('/').next() == Some(place.as_str()))
        .and_then(|n| named(n.as_str()))
}

/// Regions and cities whose zone is not the IANA zone named after them (the `region` list
/// in `rules/time.toml`); a region with several zones takes its most populous one.
const REGION_ZONES: &[(&str, &str)] = &[
    ("UK", "Europe/London"),
    ("US Eastern", "America/New_York"),
    ("East Coast", "America/New_York"),
    ("NYC", "America/New_York"),
    ("Boston", "America/New_York"),
    ("US Pacific", "America/Los_Angeles"),
    ("West Coast", "America/Los_Angeles"),
    ("SF", "America/Los_Angeles"),
    ("San Francisco", "America/Los_Angeles"),
    ("LA", "America/Los_Angeles"),
    ("Seattle", "America/Los_Angeles"),
    ("US Central", "America/Chicago"),
    ("Austin", "America/Chicago"),
    ("US Mountain", "America/Denver"),
    ("Montreal", "America/Toronto"),
    ("Sao Paulo", "America/Sao_Paulo"),
    ("Brazil", "America/Sao_Paulo"),
    ("Europe", "Europe/Berlin"),
    ("Germany", "Europe/Berlin"),
    ("France", "Europe/Paris"),
    ("Spain", "Europe/Madrid"),
    ("Italy", "Europe/Rome"),
    ("Netherlands", "Europe/Amsterdam"),
    ("Poland", "Europe/Warsaw"),
    ("Ireland", "Europe/Dublin"),
    ("Portugal", "Europe/Lisbon"),
    ("Sweden", "Europe/Stockholm"),
    ("Finland", "Europe/Helsinki"),
    ("Ukraine", "Europe/Kyiv"),
    ("Kyiv", "Europe/Kyiv"),
    ("Turkey", "Europe/Istanbul"),
    ("Israel", "Asia/Jerusalem"),
    ("Tel Aviv", "Asia/Jerusalem"),
    ("India", "Asia/Kolkata"),
    ("Mumbai", "Asia/Kolkata"),
    ("Bangalore", "Asia/Kolkata"),
    ("Bengaluru", "Asia/Kolkata"),
    ("Delhi", "Asia/Kolkata"),
    ("Pune", "Asia/Kolkata"),
    ("Hyderabad", "Asia/Kolkata"),
    ("Chennai", "Asia/Kolkata"),
    ("China", "Asia/Shanghai"),
    ("Beijing", "Asia/Shanghai"),
    ("Shenzhen", "Asia/Shanghai"),
    ("Japan", "Asia/Tokyo"),
    ("Korea", "Asia/Seoul"),
    ("Australia", "Australia/Sydney"),
    ("New Zealand", "Pacific/Auckland"),
    ("Cape Town", "Africa/Johannesburg"),
];

/// How to name a zone at an instant: its abbreviation when readers can tell it apart,
/// else its offset from UTC ("UTC+1", "UTC+5:30").
pub fn zone_label(zoned: &Zoned, style: ZoneStyle) -> String {
    let info = zoned.time_zone().to_offset_info(zoned.timestamp());
    let abbreviation = info.abbreviation();
    let usable = abbreviation.len() >= 2
        && abbreviation.chars().all(|c| c.is_ascii_uppercase())
        && !AMBIGUOUS_ABBREVIATIONS.contains(&abbreviation);
    if style == ZoneStyle::Abbreviation && usable {
        return abbreviation.to_string();
    }
    offset_label(zoned.offset())
}

/// Abbreviations that name more than one zone: India, Ireland and Israel all use IST.
const AMBIGUOUS_ABBREVIATIONS: &[&str] = &["IST", "CST", "BST", "AST", "GST", "SST", "ADT", "CDT"];

fn offset_label(offset: Offset) -> String {
    let seconds = offset.seconds();
    if seconds == 0 {
        return "UTC".to_string();
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let (hours, minutes) = (seconds.abs() / 3600, seconds.abs() % 3600 / 60);
    if minutes == 0 { format!("UTC{sign}{hours}") } else { format!("UTC{sign}{hours}:{minutes:02}") }
}

/// "7am", "7:30pm", as readers in most places say it.
pub fn clock_label(time: Time) -> String {
    let (hour, minute) = (time.hour(), time.minute());
    let (twelve, meridiem) = match hour {
        0 => (12, "am"),
        1..=11 => (hour, "am"),
        12 => (12, "pm"),
        _ => (hour - 12, "pm"),
    };
    if minute == 0 { format!("{twelve}{meridiem}") } else { format!("{twelve}:{minute:02}{meridiem}") }
}

/// The day a time expression names, relative to `today`: "today", "tomorrow", a
/// weekday (its next occurrence, today included), "Nov 3" or "3 November" (this year,
/// or next year when that date is long past), "2026-11-03". `None` for anything else,
/// including "3/11", which readers on either side of the Atlantic read differently.
pub fn date_of(text: &str, today: Date) -> Option<Date> {
    let lower = text.trim().to_ascii_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| !c.is_ascii_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    let first = *words.first()?;
    match first {
        "today" | "tonight" | "this" | "later" | "eod" | "cob" | "eob" => return Some(today),
        "tomorrow" | "tmrw" | "tmr" => return today.tomorrow().ok(),
        _ => {}
    }
    if let Ok(date) = first.parse::<Date>() {
        return Some(date);
    }
    let weekday = |word: &str| {
        use jiff::civil::Weekday::*;
        Some(match word.get(..3)? {
            "mon" => Monday,
            "tue" => Tuesday,
            "wed" => Wednesday,
            "thu" => Thursday,
            "fri" => Friday,
            "sat" => Saturday,
            "sun" => Sunday,
            _ => return None,
        })
    };
    if words.len() == 1 {
        if let Some(day) = weekday(first) {
            let ahead = (day.to_monday_zero_offset() - today.weekday().to_monday_zero_offset()).rem_euclid(7);
            return today.checked_add(jiff::Span::new().days(i64::from(ahead))).ok();
        }
    }
    let month = |word: &str| {
        const NAMES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        NAMES.iter().position(|m| word.starts_with(m)).map(|i| i as i8 + 1)
    };
    let day = |word: &str| word.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<i8>().ok();
    let (m, d) = match words.as_slice() {
        [a, b, ..] if month(a).is_some() => (month(a)?, day(b)?),
        [a, b, ..] if month(b).is_some() => (month(b)?, day(a)?),
        [a, "of", b, ..] => (month(b)?, day(a)?),
        _ => return None,
    };
    let this_year = Date::new(today.year(), m, d).ok()?;
    let long_past = this_year < today.checked_sub(jiff::Span::new().days(60)).ok()?;
    if long_past { Date::new(today.year() + 1, m, d).ok() } else { Some(this_year) }
}

/// The weekday's English name.
pub fn weekday_name(date: Date) -> &'static str {
    use jiff::civil::Weekday::*;
    match date.weekday() {
        Monday => "Monday",
        Tuesday => "Tuesday",
        Wednesday => "Wednesday",
        Thursday => "Thursday",
        Friday => "Friday",
        Saturday => "Saturday",
        Sunday => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_parse() {
        assert_eq!(parse_clock("3pm"), Some(Time::constant(15, 0, 0, 0)));
        assert_eq!(parse_clock("3:30 p.m."), Some(Time::constant(15, 30, 0, 0)));
        assert_eq!(parse_clock("12am"), Some(Time::constant(0, 0, 0, 0)));
        assert_eq!(parse_clock("12pm"), Some(Time::constant(12, 0, 0, 0)));
        assert_eq!(parse_clock("15:00"), Some(Time::constant(15, 0, 0, 0)));
        assert_eq!(parse_clock("noon"), Some(Time::constant(12, 0, 0, 0)));
        assert_eq!(parse_clock("13pm"), None);
        assert_eq!(parse_clock("3 o'clock"), Some(Time::constant(3, 0, 0, 0)));
        assert_eq!(parse_clock("ten o’clock"), Some(Time::constant(10, 0, 0, 0)));
        assert_eq!(parse_clock("13 o'clock"), None);
    }

    #[test]
    fn core_hours_parse_and_wrap() {
        let day = CoreHours::parse("09:00-17:00").unwrap();
        assert!(day.contains(Time::constant(9, 0, 0, 0)) && !day.contains(Time::constant(17, 0, 0, 0)));
        let night = CoreHours::parse("22:00-06:00").unwrap();
        assert!(night.contains(Time::constant(23, 0, 0, 0)) && night.contains(Time::constant(5, 59, 0, 0)));
        assert_eq!(CoreHours::parse("9-5"), None);
        assert_eq!(day.to_string(), "09:00–17:00");
    }

    #[test]
    fn mentions_name_zones() {
        let at =
            |zone: TimeZone| jiff::civil::date(2026, 1, 15).at(12, 0, 0, 0).to_zoned_datetime(zone).unwrap().offset();
        assert_eq!(at(zone_of_mention("PT").unwrap()), Offset::constant(-8));
        assert_eq!(at(zone_of_mention("UTC+5:30").unwrap()).seconds(), 19800);
        assert_eq!(at(zone_of_mention("GMT-3").unwrap()), Offset::constant(-3));
        assert_eq!(at(zone_of_mention("Berlin time").unwrap()), Offset::constant(1));
        assert!(zone_of_mention("your time").is_none());
    }

    #[test]
    fn labels_follow_dst_and_avoid_ambiguity() {
        let berlin = TimeZone::get("Europe/Berlin").unwrap();
        let winter = jiff::civil::date(2026, 1, 15).at(15, 0, 0, 0).to_zoned_datetime(berlin.clone()).unwrap();
        let summer = jiff::civil::date(2026, 7, 15).at(15, 0, 0, 0).to_zoned_datetime(berlin).unwrap();
        assert_eq!(zone_label(&winter, ZoneStyle::Abbreviation), "CET");
        assert_eq!(zone_label(&summer, ZoneStyle::Abbreviation), "CEST");
        assert_eq!(zone_label(&winter, ZoneStyle::Offset), "UTC+1");
        let india = jiff::civil::date(2026, 1, 15)
            .at(15, 0, 0, 0)
            .to_zoned_datetime(TimeZone::get("Asia/Kolkata").unwrap())
            .unwrap();
        assert_eq!(zone_label(&india, ZoneStyle::Abbreviation), "UTC+5:30");
        let singapore = jiff::civil::date(2026, 1, 15)
            .at(15, 0, 0, 0)
            .to_zoned_datetime(TimeZone::get("Asia/Singapore").unwrap())
            .unwrap();
        assert_eq!(zone_label(&singapore, ZoneStyle::Abbreviation), "UTC+8");
    }

    #[test]
    fn clock_labels() {
        assert_eq!(clock_label(Time::constant(7, 0, 0, 0)), "7am");
        assert_eq!(clock_label(Time::constant(0, 30, 0, 0)), "12:30am");
        assert_eq!(clock_label(Time::constant(19, 5, 0, 0)), "7:05pm");
    }
}
