//! The rule registry: what a rule is, what it may read, and every rule plainly has.
//!
//! A rule is one file: its `META` (id, summary, default severity, profiles, score
//! weight, documentation, examples), a unit struct implementing [`Rule`], and its
//! tests. `plainly explain`, `plainly rules` and the README's rule table are
//! rendered from `META`, so they cannot drift from the code.

use crate::Profile;
use crate::finding::Finding;
pub use crate::meta::{OptionMeta, RuleMeta, Scope};

mod bare_greeting;
mod buried_ask;
mod buried_blocker;
mod call_without_agenda;
mod hedge;
mod idiom;
mod jargon;
mod long_sentence;
mod missing_ask;
mod missing_context;
mod no_deadline;
mod outside_core_hours;
mod standup_format;
mod time_zone;
mod too_long;
mod undefined_acronym;
mod unnumbered_questions;
mod vague_deadline;
mod wall_of_text;
mod wording;

#[cfg(test)]
pub(crate) mod testing;

pub use crate::analysis::Context;

/// A check over a document. Rules take `&self` and are `Sync`, so one registry serves
/// every thread and the language server.
pub trait Rule: Sync {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// The rule's findings; the engine fills in each finding's rule and severity.
    fn check(&self, cx: &Context<'_>) -> Vec<Finding>;
    /// How much of the document the rule reads to decide a finding. The language server
    /// re-runs a rule that reads less than the whole only over what an edit changed.
    fn locality(&self) -> Locality {
        Locality::Document
    }
}

/// How much of a document a rule reads: what [`crate::engine::incremental`] may re-check alone.
///
/// A *section* is a run of a Markdown file that starts after a blank line with a line
/// beginning with a letter, where no block is left open: every block, sentence and word
/// lies inside one section, and between sections there is a blank line.
#[derive(Clone, Copy)]
pub enum Locality {
    /// The whole document: what a message asks, how long it is.
    Document,
    /// Only the section a finding is in: its blocks, sentences and words, and the phrase
    /// matches in it. Checking each section as a document of its own and shifting the
    /// findings gives what checking the whole file gives.
    Section,
    /// Uses and definitions of terms are read per section; which use is the first one, and
    /// whether a definition anywhere clears it, is decided over the whole file.
    Terms(&'static dyn TermRule),
}

/// A rule that flags the first use of a term the text does not define
/// ([`Locality::Terms`]); its `check` is `first_uses` over the whole document's `terms`.
pub trait TermRule: Sync {
    /// The terms a document (or a section, checked as one) uses and defines.
    fn terms(&self, cx: &Context<'_>) -> Terms;
    /// The findings, given the terms of each part of a file in order with the offset it
    /// starts at.
    fn first_uses(&self, settings: &crate::config::Settings, parts: &[(usize, &Terms)]) -> Vec<Finding>;
}

/// What a [`TermRule`] reads from a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Terms {
    /// Each use of a term that may be flagged, in order: where, and the term as written.
    pub uses: Vec<(crate::span::Span, String)>,
    /// The terms the text defines.
    pub defined: Vec<String>,
}

/// Every rule, sorted by id.
pub static ALL: &[&dyn Rule] = &[
    &bare_greeting::BareGreeting,
    &buried_ask::BuriedAsk,
    &buried_blocker::BuriedBlocker,
    &call_without_agenda::CallWithoutAgenda,
    &hedge::Hedge,
    &idiom::Idiom,
    &jargon::Jargon,
    &long_sentence::LongSentence,
    &missing_ask::MissingAsk,
    &missing_context::MissingContext,
    &no_deadline::NoDeadline,
    &outside_core_hours::OutsideCoreHours,
    &standup_format::StandupFormat,
    &time_zone::TimeZone,
    &too_long::TooLong,
    &undefined_acronym::UndefinedAcronym,
    &unnumbered_questions::UnnumberedQuestions,
    &vague_deadline::VagueDeadline,
    &wall_of_text::WallOfText,
];

/// The metadata of every rule, sorted by id: what configuration is checked against.
pub fn catalogue() -> &'static [&'static RuleMeta] {
    static CATALOGUE: std::sync::LazyLock<Vec<&'static RuleMeta>> =
        std::sync::LazyLock::new(|| ALL.iter().map(|rule| rule.meta()).collect());
    &CATALOGUE
}

/// The rule with this id.
pub fn by_id(id: &str) -> Option<&'static dyn Rule> {
    ALL.iter().copied().find(|rule| rule.meta().id == id)
}

/// The profiles shared by every rule that runs only on messages.
pub(crate) const MESSAGE: &[Profile] = &[Profile::Message];
pub(crate) const MESSAGE_STANDUP: &[Profile] = &[Profile::Message, Profile::Standup];
pub(crate) const ALL_PROFILES: &[Profile] = &[Profile::Message, Profile::Standup, Profile::Doc];

#[cfg(test)]
mod tests;

/// Findings for every match of a finding-producing phrase list (`jargon`, `idiom`,
/// `hedge`), skipping the glossary's accepted terms. An entry's `why` is what is wrong
/// with the phrase, read after it ("“utilize” is a long way to say “use”."); for an
/// entry without one, `describe` says what the phrase is ("“synergy” is business jargon").
pub(crate) fn phrase_findings(
    cx: &Context<'_>,
    list: crate::lexicon::List,
    describe: fn(&str) -> String,
) -> Vec<Finding> {
    let entries = cx.lexicon().entries(list);
    cx.phrases()
        .get(list)
        .iter()
        .filter_map(|m| {
            let text = cx.doc.text_of(m.span);
            if cx.settings.glossary.has_term(text) {
                return None;
            }
            if is_in_title(&cx.doc.prose, m.span) {
                return None;
            }
            let entry = &entries[m.entry];
            if let (Some(role), Some(sentence)) = (entry.role, cx.doc.sentence_at(m.span.start)) {
                if !cx.language().sentence(sentence).plays(role, m.span) {
                    return None;
                }
            }
            let message = match &entry.why {
                Some(why) => format!("“{text}” {why}"),
                None => format!("{}.", describe(text)),
            };
            // Each alternative fitted to the words it replaces ("circling back" →
            // "following up", "ping you" → "message you"), and offered once.
            let mut alternatives: Vec<String> = Vec::new();
            for alternative in &entry.instead {
                let fitted = wording::fit(&entry.forms, text, alternative);
                if !alternatives.contains(&fitted) {
                    alternatives.push(fitted);
                }
            }
            let fixes = alternatives.iter().map(|alternative| replacement_fix(cx.doc.source, m.span, alternative));
            Some(Finding { fixes: fixes.collect(), ..Finding::new(m.span, message) })
        })
        .collect()
}

/// Whether the phrase at `span` is part of a title or a name in title case: each of its
/// words capitalised, after another capitalised word ("Kubernetes SIG Storage Deep Dive",
/// "Decisions Moving Forward"). A sentence that opens with it ("Circle back on…") is
/// not one.
fn is_in_title(prose: &str, span: crate::span::Span) -> bool {
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let text = span.slice(prose);
    if !text.split_whitespace().all(capitalised) {
        return false;
    }
    let before = prose[..span.start].trim_end_matches([' ', '\t', '&']);
    let previous = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    capitalised(previous) && previous.chars().all(char::is_alphanumeric)
}

/// A fix replacing `span` with `alternative`, matching the case of the original's first
/// letter, and the article before it to the alternative ("a win-win" → "a good deal",
/// "a mission-critical service" → "an essential service"). An empty alternative removes
/// the phrase with the punctuation that joined it to the sentence.
pub(crate) fn replacement_fix(source: &str, span: crate::span::Span, alternative: &str) -> crate::finding::Fix {
    let original = span.slice(source);
    if alternative.is_empty() {
        let rest = &source[span.end..];
        let mut after = rest.len() - rest.trim_start_matches([',', ';', ':']).trim_start_matches([' ', '\t']).len();
        let before = &source[..span.start];
        let trimmed = before.trim_end_matches([' ', '\t']);
        let closes_sentence = rest.trim_start().starts_with(['.', '?', '!']);
        let opens_sentence = trimmed.is_empty() || trimmed.ends_with(['.', '?', '!', '\n']);
        let mut replacement = String::new();
        let (start, end) = if closes_sentence {
            // "We should split it, if that makes sense." loses ", if that makes sense".
            (if trimmed.ends_with(',') { trimmed.len() - 1 } else { span.start }, span.end)
        } else if opens_sentence {
            // "Sorry to bother you, but is the build green?" becomes "Is the build green?":
            // the joining word goes too, and the sentence starts with a capital again.
            let next = rest[after..].to_lowercase();
            if let Some(joint) = ["but ", "and ", "so "].into_iter().find(|j| next.starts_with(j)) {
                after += joint.len();
            }
            match rest[after..].chars().next().filter(|c| c.is_lowercase()) {
                Some(first) => {
                    replacement = first.to_uppercase().collect();
                    (span.start, span.end + after + first.len_utf8())
                }
                None => (span.start, span.end + after),
            }
        } else {
            (span.start, span.end + after)
        };
        let mut fix = crate::finding::Fix::replace(crate::span::Span::new(start, end), replacement);
        fix.title = format!("Remove “{original}”");
        return fix;
    }
    let starts_upper = original.chars().next().is_some_and(char::is_uppercase);
    let all_upper = original.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && original.len() > 1;
    let replacement = if starts_upper && !all_upper {
        let mut chars = alternative.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
    } else {
        alternative.to_string()
    };
    // The article before the phrase must agree with the alternative's first sound.
    let before = &source[..span.start];
    let article = ["a ", "an ", "A ", "An "].into_iter().find(|a| {
        before.ends_with(a) && before[..before.len() - a.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
    });
    if let Some(article) = article {
        let lower = alternative.to_lowercase();
        let own_determiner = ["the ", "a ", "an ", "your ", "my ", "our "].iter().any(|d| lower.starts_with(d));
        let wanted = if own_determiner {
            ""
        } else if starts_with_vowel_sound(&lower) {
            "an "
        } else {
            "a "
        };
        if !article.eq_ignore_ascii_case(wanted) {
            let capital = article.starts_with('A');
            let wanted = if capital && !wanted.is_empty() {
                let mut chars = wanted.chars();
                chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
            } else {
                wanted.to_string()
            };
            let start = span.start - article.len();
            let mut fix =
                crate::finding::Fix::replace(crate::span::Span::new(start, span.end), format!("{wanted}{replacement}"));
            fix.title = format!("Replace with “{replacement}”");
            return fix;
        }
    }
    crate::finding::Fix::replace(span, replacement)
}

/// Whether a word starts with a vowel sound, for "a" or "an": by its first letter, but
/// "one", "use", "uni…", "eu…" start with a consonant sound and "hour", "honest" with a vowel.
fn starts_with_vowel_sound(word: &str) -> bool {
    if ["one", "once", "use", "usu", "uni", "eu", "ewe", "ubiq"].iter().any(|p| word.starts_with(p)) {
        return false;
    }
    if ["hour", "honest", "honor", "honour", "heir"].iter().any(|p| word.starts_with(p)) {
        return true;
    }
    word.starts_with(['a', 'e', 'i', 'o', 'u'])
}
