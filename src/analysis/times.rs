//! Times in a message: clock times, end-of-day terms, time zones, dates, weekdays,
//! relative days, durations and events (the things a deadline is made of), and
//! vague time words.
//!
//! Grammar-like patterns (a clock time, a date) are regular expressions here;
//! vocabulary (zone names, "EOD", "ASAP", "no rush") comes from the phrase lists.

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{List, PhraseMatch};
use crate::rules::Context;
use crate::span::Span;

/// The time facts every profile needs, found once per document. Zones and concrete
/// times are looked up per sentence ([`has_zone`], [`concrete_times`]) or per message
/// ([`deadlines`]), since only a few sentences ever need them.
#[derive(Debug, Default)]
pub struct TimeScan {
    /// Clock times: "3pm", "3:00 p.m.", "15:00", "noon", "midnight".
    pub clock: Vec<Span>,
    /// End-of-day terms: "EOD", "COB", "end of day", "close of business".
    pub end_of_day: Vec<Span>,
    /// Vague time words that no concrete time in the same sentence pins down.
    pub vague: Vec<PhraseMatch>,
    /// Whether the message says there is no deadline ("no rush", "whenever works").
    pub no_deadline: bool,
}

macro_rules! lite {
    ($name:ident, $pattern:expr) => {
        static $name: LazyLock<regex_lite::Regex> =
            LazyLock::new(|| regex_lite::Regex::new($pattern).expect("static regex"));
    };
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// Every clock time in one pass: 12-hour ("3pm", "9:30 a.m."), 24-hour ("15:00"; but
/// "0:00" and "0:02:00" are offsets into a recording, while "00:00" is midnight), and
/// words. This one runs over whole documents, so it uses the fast `regex` engine with
/// ASCII classes; the patterns below run on single sentences or short messages and use
/// `regex-lite`, which compiles in microseconds: start-up is what a writer feels on one
/// message.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s?(?:[ap]\.m\.|[ap]\.m\b|[ap]m\b)|\b(?:[01]\d|2[0-3]|[1-9]):[0-5]\d(?::[0-5]\d)?\b|\b(?:noon|midnight|midday)\b",
    )
    .expect("static regex")
});
lite!(ISO_ZONED, r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})");
lite!(ZONE_OFFSET, r"(?i)\b(?:UTC|GMT)\s?(?:[+\-]|\x{2212})\s?\d{1,2}(?::?\d{2})?\b");
lite!(CITY_TIME, r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s+[Tt]ime\b");
lite!(DATE_ISO, r"\b\d{4}-\d{1,2}-\d{1,2}\b");
lite!(DATE_NUMERIC, r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b");
static DATE_MONTH_DAY: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    regex_lite::Regex::new(&format!(
        r"(?i)\b{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b"
    ))
    .expect("static regex")
});
static DATE_IN_MONTH: LazyLock<regex_lite::Regex> = LazyLock::new(|| {
    regex_lite::Regex::new(&format!(
        r"(?i)\b(?:in|by|until|till|before|through|end\s+of|early|mid|late|mid-)\s*{MONTH}\b|\b{MONTH}\s+\d{{4}}\b"
    ))
    .expect("static regex")
});
static MONTH_WORD: LazyLock<regex_lite::Regex> =
    LazyLock::new(|| regex_lite::Regex::new(&format!("(?i)^{MONTH}$")).expect("static regex"));
lite!(ORDINAL_DAY, r"(?i)\b(?:on|by|before|until|till|from|through|the)\s+\d{1,2}(?:st|nd|rd|th)\b");
lite!(
    WEEKDAY,
    r"(?i:\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b)|\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri)\b"
);
lite!(QUARTER, r"\b(?:Q[1-4]|H[12])\b");
lite!(
    DURATION,
    r"(?i)\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a\s+few|a\s+couple(?:\s+of)?|several)\s+(?:more\s+)?(?:business\s+|working\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b"
);
lite!(
    EVENT,
    r"(?i)\b(?:before|by|prior\s+to|ahead\s+of|in\s+time\s+for|until|till|no\s+later\s+than)\s+(?:(?:the|our|your|this|next|tomorrow's|today's|[a-z]+'s)\s+)?(?:[a-z0-9-]+\s+){0,2}?(?:release|launch|meeting|call|standup|stand-up|sync|demo|review|deadline|cutoff|cut-off|freeze|retro|planning|deploy|deployment|rollout|merge|offsite|all-hands|kickoff|kick-off|interview|presentation|conference|hearing|session|milestone|event|trip|holidays?|break|vacation|summit|workshop|cycle|sprint|go-live)\b"
);

/// Capitalised words that make "X time" something other than a place's time zone.
const NOT_A_PLACE: &[&str] = &[
    "Any", "Build", "Compile", "Down", "Each", "Every", "Extra", "First", "Free", "Full", "Good", "Great", "Half",
    "Hard", "Last", "Long", "Lunch", "Dinner", "Next", "No", "One", "Over", "Part", "Prime", "Quality", "Real",
    "Reaction", "Response", "Run", "Same", "Screen", "Second", "Short", "Some", "Spare", "That", "The", "This", "Up",
    "Wall", "What", "Which", "Load", "Startup", "Start", "End", "Wait", "Travel", "Lead", "Query", "Install", "Boot",
];

/// Scans the whole document for what every profile needs.
pub fn scan(cx: &Context<'_>) -> TimeScan {
    let doc = cx.doc;
    let phrases = cx.phrases();
    let clock = find(&CLOCK, &doc.prose, Span::new(0, doc.prose.len()));
    let end_of_day = phrases.get(List::EndOfDay).iter().map(|m| m.span).collect();
    let vague = phrases
        .get(List::VagueTime)
        .iter()
        .copied()
        .filter(|m| {
            // "ASAP, by Fri 15:00 UTC at the latest" is pinned down by its own sentence.
            let Some(sentence) = doc.sentence_at(m.span.start) else { return true };
            !concrete_times(cx, doc.sentences[sentence].span).iter().any(|c| !c.overlaps(m.span))
        })
        .collect();
    TimeScan { clock, end_of_day, vague, no_deadline: !phrases.get(List::NoDeadline).is_empty() }
}

/// Whether `span` names a time zone: an abbreviation or name from the `zone` list, an
/// offset ("UTC+2"), a zoned ISO time ("…T15:00Z"), or a place's time ("Berlin time").
pub fn has_zone(cx: &Context<'_>, span: Span) -> bool {
    let prose = cx.doc.prose.as_str();
    !cx.phrases().within(List::Zone, span).is_empty()
        || !find_lite(&ISO_ZONED, prose, span).is_empty()
        || !find_lite(&ZONE_OFFSET, prose, span).is_empty()
        || find_lite(&CITY_TIME, prose, span).iter().any(|place| {
            let first = place.slice(prose).split_whitespace().next().unwrap_or("");
            !NOT_A_PLACE.contains(&first)
        })
}

/// The concrete times in `span` a reader can act on: dates, weekdays, relative days,
/// durations, events, clock times and end-of-day terms.
pub fn concrete_times(cx: &Context<'_>, span: Span) -> Vec<Span> {
    let prose = cx.doc.prose.as_str();
    let phrases = cx.phrases();
    let mut concrete = find(&CLOCK, prose, span);
    for list in [List::EndOfDay, List::Deadline] {
        concrete.extend(phrases.within(list, span).iter().map(|m| m.span));
    }
    for regex in [&*DATE_ISO, &*DATE_MONTH_DAY, &*DATE_IN_MONTH, &*WEEKDAY, &*QUARTER, &*DURATION, &*EVENT] {
        concrete.extend(find_lite(regex, prose, span));
    }
    concrete.extend(find_lite(&DATE_NUMERIC, prose, span).into_iter().filter(|s| s.slice(prose) != "24/7"));
    concrete.extend(find_lite(&ORDINAL_DAY, prose, span).into_iter().filter(|s| ordinal_is_a_date(prose, *s)));
    concrete.sort_unstable();
    concrete.dedup();
    concrete
}

/// The concrete times anywhere in the message that can bound an ask: not in the past
/// ("last Friday", "two days ago").
pub fn deadlines(cx: &Context<'_>) -> Vec<Span> {
    let prose = cx.doc.prose.as_str();
    concrete_times(cx, Span::new(0, prose.len())).into_iter().filter(|span| !is_past(prose, *span)).collect()
}

/// Matches of `regex` inside `span` of `prose`, in prose offsets.
fn find(regex: &Regex, prose: &str, span: Span) -> Vec<Span> {
    regex.find_iter(span.slice(prose)).map(|m| Span::from(m.range()).shift(span.start)).collect()
}

/// Matches of a `regex-lite` pattern inside `span` of `prose`, in prose offsets.
fn find_lite(regex: &regex_lite::Regex, prose: &str, span: Span) -> Vec<Span> {
    regex.find_iter(span.slice(prose)).map(|m| Span::from(m.range()).shift(span.start)).collect()
}

/// "the 14th" is a date when what follows is not a noun it counts ("the 4th paragraph").
fn ordinal_is_a_date(prose: &str, span: Span) -> bool {
    let rest = prose[span.end..].trim_start();
    let next: String = rest.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    next.is_empty()
        || matches!(next.as_str(), "of" | "at" | "to" | "through" | "and" | "or" | "until" | "by")
        || MONTH_WORD.is_match(&next)
}

/// Whether a time is in the past: "last Friday", "past week", "two days ago", "yesterday".
fn is_past(prose: &str, span: Span) -> bool {
    let before = prose[..span.start].trim_end();
    let word_before: String =
        before.chars().rev().take_while(|c| c.is_alphabetic()).collect::<String>().chars().rev().collect();
    let after = prose[span.end..].trim_start();
    matches!(word_before.to_lowercase().as_str(), "last" | "past" | "previous" | "since" | "ago")
        || after.get(..3).is_some_and(|word| word.eq_ignore_ascii_case("ago"))
}
