//! Flags the first use of an acronym that is neither common, in the glossary, nor defined.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::{ALL_PROFILES, Context, Locality, Rule, RuleMeta, Scope, TermRule, Terms};
use crate::config::Settings;
use crate::finding::{Finding, Fix, Severity};
use crate::span::Span;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "undefined-acronym",
    summary: "An acronym that is not common, not in the glossary, and not defined in the text",
    severity: Severity::Info,
    doc_severity: None,
    profiles: ALL_PROFILES,
    optional_profiles: &[],
    weight: 2,
    scope: Scope::Text,
    reads_english: true,
    docs: r#"
## What it does
Flags the first use of an all-caps word of 2–6 letters (a plural `s` allowed: "PRDs")
that is not in the common-acronym list (`rules/acronyms.toml`), not in the config's
`glossary`, not known to a standard English dictionary, and not defined in the text.
The dictionary is SCOWL's (`rules/dictionary/`): its common abbreviations ("LED", "GPS")
and its most common words written in capitals ("SAVE"). The acronym list decides first,
so an acronym it lists with an expansion ("MVP", "EM") is flagged all the same, and a
team acronym that is also a common word ("TAP") is missed.

## Why
Every team grows its own acronyms, and every new reader, partner or teammate in
another office has to ask what they stand for. Spelling one out once costs the writer a
few words and saves each reader a search or a round trip.

## What counts
A definition anywhere in the text clears an acronym: "Full Name (ACR)", "ACR (Full
Name)", "ACR stands for …" or "ACR means …", written within one paragraph. All-caps
words that are not acronyms ("NOTE", "MUST", "TODO"), shouting (three or more
all-caps words in a row in one paragraph: a heading in capitals does not make the next
paragraph's acronym shouting), an English word that labels its line ("FIRST: back up
the data"; a word the tagger's treebank knows), a writer's initials alone on a
paragraph's last line ("MG" under "Thanks,"), a dictionary word stretched for emphasis
("TOOO big", "FINALLLYYY": a letter held three times or more; "AAAA" and "OOO", one letter
held, are still acronyms), ticket keys (`PLAT-231`) and steps of a Windows path
(`HKEY_LOCAL_MACHINE\SYSTEM`) are not flagged. When the acronym list knows the
expansion, the fix spells it out: "minimum viable product (MVP)"."#,
    options: &[],
    example_config: None,
    flagged: &["The MVP ships next week.", "Send the LOI to legal."],
    fine: &["The minimum viable product (MVP) ships next week; the MVP is small.", "The API returns JSON."],
};

/// An all-caps word: 2–6 capitals, optionally a plural `s`.
static ACRONYM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u)\b[A-Z]{2,6}s?\b").expect("static regex"));

/// "Full Name (ACR)" and "ACR (Full Name)", "ACR stands for", "ACR means", "ACR: Full Name".
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\(\s*(?P<after>[A-Z]{2,6})s?\s*\)|(?-u:\b)(?P<before>[A-Z]{2,6})s?\s*(?:\(\s*[A-Za-z][^)]{2,}\)|,?\s+(?:stands\s+for|means|is\s+short\s+for)(?-u:\b)|\s*[:=\u{2014}-]\s+[A-Z][a-z]+\s+[A-Za-z])",
    )
    .expect("static regex")
});

/// See [`META`].
pub struct UndefinedAcronym;

impl Rule for UndefinedAcronym {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Finding> {
        self.first_uses(cx.settings, &[(0, &self.terms(cx))])
    }

    fn locality(&self) -> Locality {
        Locality::Terms(&UndefinedAcronym)
    }
}

impl TermRule for UndefinedAcronym {
    /// The all-caps words of each paragraph that are not part of a name, a path or
    /// shouting, and the acronyms it defines. Neither a definition nor a run of shouting
    /// reaches across a blank line, so a paragraph is read on its own.
    fn terms(&self, cx: &Context<'_>) -> Terms {
        let prose = cx.doc.prose.as_str();
        let mut terms = Terms::default();
        for paragraph in crate::segment::paragraphs(prose) {
            let text = paragraph.slice(prose);
            terms.defined.extend(definitions(text).into_iter().map(str::to_owned));
            for m in ACRONYM.find_iter(text) {
                let span = Span::from(m.range());
                if is_name_part(text, span)
                    || is_windows_path_part(text, span)
                    || is_shouting(text, span)
                    || is_label(text, span)
                    || is_sign_off(text, span)
                {
                    continue;
                }
                terms.uses.push((span.shift(paragraph.start), m.as_str().to_owned()));
            }
        }
        terms
    }

    /// The first use of each acronym, in the order of the parts, that nothing defines.
    fn first_uses(&self, settings: &Settings, parts: &[(usize, &Terms)]) -> Vec<Finding> {
        let lexicon = &settings.lexicon;
        let defined: HashSet<&str> = parts.iter().flat_map(|(_, terms)| &terms.defined).map(String::as_str).collect();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut findings = Vec::new();
        for (offset, terms) in parts {
            for (span, word) in &terms.uses {
                let word = word.as_str();
                // "SIGS" is the plural of a seen, defined or listed "SIG"; "AWS" stays "AWS".
                let key = match word.strip_suffix('S') {
                    Some(stem)
                        if stem.len() >= 2
                            && lexicon.acronym(word).is_none()
                            && (seen.contains(stem) || defined.contains(stem) || lexicon.acronym(stem).is_some()) =>
                    {
                        stem
                    }
                    _ => base(word),
                };
                if seen.contains(key) || defined.contains(key) {
                    continue;
                }
                seen.insert(key);
                let entry = lexicon.acronym(key).or_else(|| lexicon.acronym(word));
                let known = match entry {
                    Some(entry) => entry.common,
                    None => in_dictionary(key) || in_dictionary(word) || is_stretched_word(word),
                };
                if known || settings.glossary.has_acronym(word) {
                    continue;
                }
                // The plural of a listed acronym ("EMs") spells out the plural ("engineering
                // managers (EMs)").
                let expansion = entry.and_then(|e| e.instead.first()).map(|expansion| {
                    if key != word && !expansion.ends_with('s') {
                        super::wording::plural(expansion)
                    } else {
                        expansion.clone()
                    }
                });
                findings.push(finding(span.shift(*offset), word, expansion.as_ref()));
            }
        }
        findings
    }
}

/// Abbreviations a standard English dictionary lists in capitals, and the most common
/// English words: SCOWL's lists, built by `rules/dictionary/make.sh` (see its README).
static DICTIONARY_ABBREVIATIONS: &str = include_str!("../../rules/dictionary/abbreviations.txt");
static DICTIONARY_WORDS: &str = include_str!("../../rules/dictionary/words.txt");

/// Whether a standard English dictionary knows the capitals, as an abbreviation ("LED",
/// "GPS") or as a common word written in capitals ("SAVE", "NOTE"): either way every
/// reader knows it. The acronym list decides first, so a team's own entry for a word
/// ("EM", engineering manager) is still flagged.
fn in_dictionary(word: &str) -> bool {
    static LISTS: LazyLock<(Vec<&str>, Vec<&str>)> =
        LazyLock::new(|| (DICTIONARY_ABBREVIATIONS.lines().collect(), DICTIONARY_WORDS.lines().collect()));
    let (abbreviations, words) = &*LISTS;
    abbreviations.binary_search(&word).is_ok() || words.binary_search(&word.to_ascii_lowercase().as_str()).is_ok()
}

/// Whether the capitals are a dictionary word stretched for emphasis: a letter held for
/// three or more ("TOOO big", "FINALLLYYY worked", "REAAAALLY"), which read with each held
/// letter once or twice spells a word of two letters or more. Placeholders ("NNNN",
/// "XXX"), "AAAA" (a DNS record) and "OOO" (out of office) are one letter held, and are
/// still read as acronyms.
fn is_stretched_word(word: &str) -> bool {
    // Runs of one letter: (letter, how many times).
    let mut runs: Vec<(char, usize)> = Vec::new();
    for c in word.chars() {
        match runs.last_mut() {
            Some((last, count)) if *last == c => *count += 1,
            _ => runs.push((c, 1)),
        }
    }
    let held = runs.iter().filter(|(_, count)| *count >= 3).count();
    // Each held letter is read once or twice: 2^held spellings, so a few holds at most.
    // One letter alone ("AAAA", a DNS record) is no stretched word.
    if held == 0 || held > 4 || runs.len() < 2 {
        return false;
    }
    (0u32..1 << held).any(|choice| {
        // Bit k of `choice` says whether the k-th held letter is read twice.
        let mut bit = 0;
        let spelled: String = runs
            .iter()
            .flat_map(|&(c, count)| {
                let times = if count >= 3 {
                    bit += 1;
                    1 + ((choice >> (bit - 1)) & 1) as usize
                } else {
                    count
                };
                std::iter::repeat_n(c, times)
            })
            .collect();
        spelled.chars().count() >= 2 && in_dictionary(&spelled)
    })
}

/// The finding for the first use of `word` at `span`, with a fix when its expansion is known.
fn finding(span: Span, word: &str, expansion: Option<&String>) -> Finding {
    match expansion {
        Some(expansion) => {
            let replacement = format!("{expansion} ({word})");
            let message = format!("“{word}” is not defined: spell it out on first use, as “{replacement}”.");
            let fix = Fix { title: format!("Spell out: “{replacement}”"), ..Fix::replace(span, replacement) };
            Finding::new(span, message).with_fix(fix)
        }
        None => Finding::new(
            span,
            format!(
                "“{word}” may be unknown to readers: spell it out on first use (“Full Name ({word})”), or add it to the glossary in plainly.toml."
            ),
        ),
    }
}

/// The acronym without its plural `s`.
fn base(word: &str) -> &str {
    word.strip_suffix('s').unwrap_or(word)
}

/// Acronyms the text defines, in order.
fn definitions(prose: &str) -> Vec<&str> {
    DEFINITION
        .captures_iter(prose)
        .filter_map(|c| c.name("after").or_else(|| c.name("before")))
        .map(|m| m.as_str())
        .collect()
}

/// Whether the capitals are part of a name or a handle, joined with no space to a part that
/// starts with a capital or a digit: a ticket key (`PLAT-231`), a handle or code name
/// (`WIZARD-CXY`), a list's name (`USRP-Users`), a version (`UTF-8`, `HTTP/2`). A part in
/// lowercase makes a compound instead, where the acronym is still one ("API-based").
fn is_name_part(prose: &str, span: Span) -> bool {
    let bytes = prose.as_bytes();
    let joiner = |b: u8| matches!(b, b'-' | b'_' | b'/' | b'@' | b'.');
    let named = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let after = bytes.get(span.end).is_some_and(|&b| joiner(b)) && named(bytes.get(span.end + 1));
    let before = span.start >= 2 && joiner(bytes[span.start - 1]) && named(bytes.get(span.start - 2));
    after || before
}

/// Whether the capitals are one step of a Windows path or registry key, as `SYSTEM` in
/// `HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet`: a name, not an acronym.
fn is_windows_path_part(prose: &str, span: Span) -> bool {
    let bytes = prose.as_bytes();
    span.start.checked_sub(1).and_then(|i| bytes.get(i)) == Some(&b'\\') || bytes.get(span.end) == Some(&b'\\')
}

/// Whether the capitals are an English word that labels its line ("FIRST: back up the
/// data", "NOTE: …"): it opens the line, a colon follows, and the tagger's treebank knows
/// the word. An acronym as a label ("PRD: linked below") is still an acronym.
fn is_label(prose: &str, span: Span) -> bool {
    let Some(line_start) = crate::segment::line_start_near(prose, span.start, 16) else { return false };
    prose[line_start..span.start].trim_start_matches(|c: char| c.is_whitespace() || "-*•>".contains(c)).is_empty()
        && prose[span.end..].starts_with(':')
        && crate::language::tagger::tagger().knows(span.slice(prose))
}

/// Whether the capitals are a writer's initials signing off: two or three letters alone on
/// the last line of a paragraph, after a dash ("-- JK") or under a closing ("Thanks,",
/// "Regards"). Alone on a line without either they are a list item or a heading ("- TBC",
/// "# KEP"), and still an acronym.
fn is_sign_off(prose: &str, span: Span) -> bool {
    let Some(line_start) = crate::segment::line_start_near(prose, span.start, 16) else { return false };
    let opening = &prose[line_start..span.start];
    let before = opening.trim_start_matches(|c: char| c.is_whitespace() || "-–—~".contains(c));
    if span.len() > 3 || !before.is_empty() || !prose[span.end..].trim().is_empty() {
        return false;
    }
    let dashed = opening.trim_start().starts_with(['-', '–', '—', '~']) && opening.trim().len() >= 2;
    let previous = prose[..line_start].trim_end().rsplit('\n').next().unwrap_or("").trim();
    let closing =
        previous.ends_with(',') || CLOSINGS.contains(&previous.trim_end_matches(['!', '.']).to_lowercase().as_str());
    dashed || closing
}

/// Closings a writer signs under without a comma.
const CLOSINGS: &[&str] =
    &["thanks", "thank you", "thx", "cheers", "regards", "best", "best regards", "kind regards", "br", "sincerely"];

/// Whether the word is part of a run of three or more all-caps words ("CLOSING WILL OCCUR").
fn is_shouting(prose: &str, span: Span) -> bool {
    let caps = |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
    // Two neighbours settle it: counting no further keeps a long shouted text linear.
    let before = prose[..span.start].split_whitespace().rev().take_while(|w| caps(w)).take(2).count();
    let after = prose[span.end..].split_whitespace().take_while(|w| caps(w)).take(2).count();
    before + after >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn flags_first_use_only() {
        assert_flags(&UndefinedAcronym, "The [[PRD]] is late. The PRD needs review.");
    }

    #[test]
    fn plural_is_the_same_acronym() {
        assert_flags(&UndefinedAcronym, "Two [[PRDs]] are late, and one PRD is new.");
    }

    #[test]
    fn definitions_clear_it() {
        assert_clean(&UndefinedAcronym, "The product requirements document (PRD) is late.");
        assert_clean(&UndefinedAcronym, "The PRD (product requirements document) is late.");
        assert_clean(&UndefinedAcronym, "The PRD is late. PRD stands for product requirements document.");
    }

    #[test]
    fn common_acronyms_are_fine() {
        assert_clean(&UndefinedAcronym, "The API returns JSON over HTTP; ping me on Slack ASAP.");
        // Currency codes beside amounts (the eighth audit's a/32 and a/36, found by it).
        assert_clean(&UndefinedAcronym, "The budget is $40k USD, about 32k GBP, and will grow.");
    }

    #[test]
    fn dictionary_abbreviations_and_words_in_capitals_are_fine() {
        assert_clean(&UndefinedAcronym, "The LED blinks when the SD card is full; press SAVE to keep the GPS track.");
        // Real messages from four sources, each flagged before: a hackerspace forum, a
        // GitHub issue comment, a mailing list, a calculator forum's announcement.
        assert_clean(
            &UndefinedAcronym,
            "I will bring my SUV which should have a bunch of space to get ride of good deal of stuff.",
        );
        assert_clean(&UndefinedAcronym, "Yeah, I'm on 64bit though FWIW.");
        assert_clean(&UndefinedAcronym, "OTOH, personally, I think that this is the way we should go.");
        assert_clean(&UndefinedAcronym, "With ISP outages, vacation.");
        // The acronym list decides first: a listed acronym the dictionary also knows.
        assert_flags(&UndefinedAcronym, "The [[MVP]] ships next week and the [[EM]] signs off.");
    }

    #[test]
    fn words_stretched_for_emphasis_are_not_acronyms() {
        // The fifth precision audit's a/12 (a forum post), data/messages bb4-060 (a
        // course project's status report) and the treebank's weblogs: each held letter
        // read once or twice spells a common word.
        assert_flags(
            &UndefinedAcronym,
            "Maybe - if the post isn't TOOO big, put the test code in the [[UDF]] post itself.",
        );
        assert_clean(&UndefinedAcronym, "Only thing we have to brag about was our Raspberry Pis FINALLLYYY worked.");
        assert_clean(&UndefinedAcronym, "She is like REAAAALLY tired after the trip.");
        // A placeholder or "out of office" spells no word when its letters are held.
        assert_flags(&UndefinedAcronym, "Use the pattern [[NNNN]] for the ticket number.");
        assert_flags(&UndefinedAcronym, "I will be [[OOO]] next week.");
        assert_flags(&UndefinedAcronym, "Add an [[AAAA]] record for the IPv6 address.");
        assert!(!is_stretched_word("API") && !is_stretched_word("XXX") && is_stretched_word("WAAAAAY"));
    }

    #[test]
    fn dictionary_lists_are_sorted_by_byte() {
        // `in_dictionary` binary-searches them.
        for list in [DICTIONARY_ABBREVIATIONS, DICTIONARY_WORDS] {
            let lines: Vec<&str> = list.lines().collect();
            assert!(lines.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn capital_plural_is_the_same_acronym() {
        assert_flags(&UndefinedAcronym, "The [[PRD]] is late. All PRDS are late.");
        assert_clean(&UndefinedAcronym, "The APIS are documented.");
    }

    #[test]
    fn names_and_handles_are_not_acronyms() {
        assert_clean(&UndefinedAcronym, "Fixed in PLAT-231 and SOLR-7198.");
        // A handle (the issue's WIZARD-CXY), a mailing list (messages-2 019), a version.
        assert_clean(&UndefinedAcronym, "Ping WIZARD-CXY about it.");
        assert_clean(&UndefinedAcronym, "Hello USRP-Users,");
        assert_clean(&UndefinedAcronym, "We serve it over HTTP/2 with UTF-8 names.");
        // A compound still uses the acronym.
        assert_flags(&UndefinedAcronym, "A [[CRDT]]-based store.");
    }

    #[test]
    fn windows_paths_are_not_acronyms() {
        assert_clean(
            &UndefinedAcronym,
            "Set the value under HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet to the default.",
        );
        assert_clean(&UndefinedAcronym, "Copy it to C:\\TEMP\\build first.");
    }

    #[test]
    fn labels_and_initials_are_not_acronyms() {
        // A newcomer's mail: the labels are words, the sign-off is the writer's initials.
        assert_clean(&UndefinedAcronym, "FIRST: back up the data.\nSECOND: run the migration.\n\nThanks,\nMG");
        // An acronym as a label, or initials inside a sentence, are still acronyms.
        assert_flags(&UndefinedAcronym, "[[PRD]]: linked below.");
        assert_flags(&UndefinedAcronym, "Thanks,\n[[MG]] and the team");
        assert_clean(&UndefinedAcronym, "See you Friday.\n\nCheers\nJK");
        assert_clean(&UndefinedAcronym, "See you Friday.\n\n-- JK");
        // Alone on a line under no closing: a list item or a heading (the docs corpus).
        assert_flags(&UndefinedAcronym, "Drawbacks:\n\n* [[TBC]]");
        assert_flags(&UndefinedAcronym, "The plan.\n\n- [[TLA]]");
    }

    #[test]
    fn shouting_is_not_acronyms() {
        assert_clean(&UndefinedAcronym, "CLOSING WILL OCCUR ON DECEMBER 15TH!");
    }

    #[test]
    fn nothing_reaches_across_a_blank_line() {
        // A heading in capitals is not shouting about the paragraph under it, and a colon
        // ending one paragraph defines nothing in the next.
        assert_flags(&UndefinedAcronym, "PLEASE READ THIS\n\n[[PRD]] review is late.");
        assert_flags(&UndefinedAcronym, "Here is the [[PRD]]:\n\nProduct owners sign it first.");
        assert_clean(&UndefinedAcronym, "Here is the PRD: Product requirements document, signed.");
    }

    #[test]
    fn known_expansion_becomes_a_fix() {
        let found = run(&UndefinedAcronym, crate::Profile::Doc, crate::FileKind::Text, "The MVP ships.");
        assert_eq!(found[0].fixes[0].replacement, "minimum viable product (MVP)");
    }

    #[test]
    fn code_is_not_checked() {
        assert_clean_in(&UndefinedAcronym, crate::Profile::Doc, crate::FileKind::Markdown, "Set `FOO_BAR` and `XYZ`.");
    }
}
