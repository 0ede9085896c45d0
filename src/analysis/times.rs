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

/// Everything time-related found in one document.
#[derive(Debug, Default)]
pub struct TimeScan {
    /// Clock times: "3pm", "3:00 p.m.", "15:00", "noon", "midnight".
    pub clock: Vec<Span>,
    /// End-of-day terms: "EOD", "COB", "end of day", "close of business".
    pub end_of_day: Vec<Span>,
    /// Time zones: "UTC", "UTC+2", "PT", "CEST", "your time", "Berlin time", "…Z".
    pub zones: Vec<Span>,
    /// Concrete times a reader can act on: dates, weekdays, relative days, durations,
    /// events, clock times and end-of-day terms.
    pub concrete: Vec<Span>,
    /// The concrete times that can bound an ask: not in the past ("last Friday", "2 days ago").
    pub deadlines: Vec<Span>,
    /// Vague time words that no concrete time in the same sentence pins down.
    pub vague: Vec<PhraseMatch>,
    /// Whether the message says there is no deadline ("no rush", "whenever works").
    pub no_deadline: bool,
}

macro_rules! regex {
    ($name:ident, $pattern:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| Regex::new($pattern).expect("static regex"));
    };
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

regex!(CLOCK_12H, r"(?i)(?-u:\b)(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s?(?:[ap]\.m\.|[ap]\.m(?-u:\b)|[ap]m(?-u:\b))");
// "0:00" and "0:02:00" are offsets into a recording, not times of day; "00:00" is midnight.
regex!(CLOCK_24H, r"(?-u:\b)(?:[01]\d|2[0-3]|[1-9]):[0-5]\d(?::[0-5]\d)?(?-u:\b)");
regex!(CLOCK_WORD, r"(?i)(?-u:\b)(?:noon|midnight|midday)(?-u:\b)");
regex!(ISO_ZONED, r"(?-u:\b)\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})");
regex!(ZONE_OFFSET, r"(?i)(?-u:\b)(?:UTC|GMT)\s?[+\-\u{2212}]\s?\d{1,2}(?::?\d{2})?(?-u:\b)");
regex!(CITY_TIME, r"(?-u:\b)[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s+[Tt]ime(?-u:\b)");
regex!(DATE_ISO, r"(?-u:\b)\d{4}-\d{1,2}-\d{1,2}(?-u:\b)");
regex!(DATE_NUMERIC, r"(?-u:\b)\d{1,2}/\d{1,2}(?:/\d{2,4})?(?-u:\b)");
static DATE_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b){MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b)|(?-u:\b)\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?-u:\b)"
    ))
    .expect("static regex")
});
static DATE_IN_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:in|by|until|till|before|through|end\s+of|early|mid|late|mid-)\s*{MONTH}(?-u:\b)|(?-u:\b){MONTH}\s+\d{{4}}(?-u:\b)"
    ))
    .expect("static regex")
});
static MONTH_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("^{MONTH}$")).expect("static regex"));
regex!(ORDINAL_DAY, r"(?i)(?-u:\b)(?:on|by|before|until|till|from|through|the)\s+\d{1,2}(?:st|nd|rd|th)(?-u:\b)");
regex!(
    WEEKDAY,
    r"(?i)(?-u:\b)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?(?-u:\b)|(?-u:\b)(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri)(?-u:\b)"
);
regex!(QUARTER, r"(?-u:\b)(?:Q[1-4]|H[12])(?-u:\b)");
regex!(
    DURATION,
    r"(?i)(?-u:\b)(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a\s+few|a\s+couple(?:\s+of)?|several)\s+(?:more\s+)?(?:business\s+|working\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)(?-u:\b)"
);
regex!(
    EVENT,
    r"(?i)(?-u:\b)(?:before|by|prior\s+to|ahead\s+of|in\s+time\s+for|until|till|no\s+later\s+than)\s+(?:(?:the|our|your|this|next|tomorrow's|today's|[a-z]+'s)\s+)?(?:[a-z0-9-]+\s+){0,2}?(?:release|launch|meeting|call|standup|stand-up|sync|demo|review|deadline|cutoff|cut-off|freeze|retro|planning|deploy|deployment|rollout|merge|offsite|all-hands|kickoff|kick-off|interview|presentation|conference|hearing|session|milestone|event|trip|holidays?|break|vacation|summit|workshop|cycle|sprint|go-live)(?-u:\b)"
);

/// Capitalised words that make "X time" something other than a place's time zone.
const NOT_A_PLACE: &[&str] = &[
    "Any", "Build", "Compile", "Down", "Each", "Every", "Extra", "First", "Free", "Full", "Good", "Great", "Half",
    "Hard", "Last", "Long", "Lunch", "Dinner", "Next", "No", "One", "Over", "Part", "Prime", "Quality", "Real",
    "Reaction", "Response", "Run", "Same", "Screen", "Second", "Short", "Some", "Spare", "That", "The", "This", "Up",
    "Wall", "What", "Which", "Load", "Startup", "Start", "End", "Wait", "Travel", "Lead", "Query", "Install", "Boot",
];

/// Scans the whole document.
pub fn scan(cx: &Context<'_>) -> TimeScan {
    let doc = cx.doc;
    let prose = doc.prose.as_str();
    let phrases = cx.phrases();
    let find = |regex: &Regex| regex.find_iter(prose).map(|m| Span::from(m.range())).collect::<Vec<_>>();

    let mut clock = find(&CLOCK_12H);
    for span in find(&CLOCK_24H).into_iter().chain(find(&CLOCK_WORD)) {
        if !clock.iter().any(|c| c.overlaps(span)) {
            clock.push(span);
        }
    }
    clock.sort_unstable();

    let end_of_day: Vec<Span> = phrases.get(List::EndOfDay).iter().map(|m| m.span).collect();

    let mut zones: Vec<Span> = phrases.get(List::Zone).iter().map(|m| m.span).collect();
    zones.extend(find(&ISO_ZONED));
    zones.extend(find(&ZONE_OFFSET));
    zones.extend(find(&CITY_TIME).into_iter().filter(|span| {
        let first = span.slice(prose).split_whitespace().next().unwrap_or("");
        !NOT_A_PLACE.contains(&first)
    }));
    zones.sort_unstable();

    let mut concrete: Vec<Span> = Vec::new();
    concrete.extend(&clock);
    concrete.extend(&end_of_day);
    concrete.extend(phrases.get(List::Deadline).iter().map(|m| m.span));
    for regex in [&*DATE_ISO, &*DATE_MONTH_DAY, &*DATE_IN_MONTH, &*WEEKDAY, &*QUARTER, &*DURATION, &*EVENT] {
        concrete.extend(find(regex));
    }
    concrete.extend(find(&DATE_NUMERIC).into_iter().filter(|s| s.slice(prose) != "24/7"));
    concrete.extend(find(&ORDINAL_DAY).into_iter().filter(|s| ordinal_is_a_date(prose, *s)));
    concrete.sort_unstable();
    concrete.dedup();

    let deadlines = concrete.iter().copied().filter(|span| !is_past(prose, *span)).collect();

    let vague = phrases
        .get(List::VagueTime)
        .iter()
        .copied()
        .filter(|m| {
            // "ASAP, by Fri 15:00 UTC at the latest" is pinned down by its own sentence.
            let Some(sentence) = doc.sentence_at(m.span.start) else { return true };
            let sentence = doc.sentences[sentence].span;
            !concrete.iter().any(|c| sentence.contains(c.start) && !c.overlaps(m.span))
        })
        .collect();

    TimeScan {
        clock,
        end_of_day,
        zones,
        concrete,
        deadlines,
        vague,
        no_deadline: !phrases.get(List::NoDeadline).is_empty(),
    }
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
