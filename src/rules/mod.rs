//! The rule registry: what a rule is, what it may read, and every rule plainly has.
//!
//! A rule is one file: its `META` (id, summary, default severity, profiles, score
//! weight, documentation, examples), a unit struct implementing [`Rule`], and its
//! tests. `plainly explain`, `plainly rules` and the README's rule table are
//! rendered from `META`, so they cannot drift from the code.

use std::cell::OnceCell;

use crate::analysis::{asks::Ask, times::TimeScan};
use crate::config::{Profile, Settings};
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::language::Language;
use crate::lexicon::{Lexicon, PhraseScan};

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

#[cfg(test)]
pub(crate) mod testing;

pub(crate) use bare_greeting::bare_greeting as bare_greeting_span;
pub(crate) use missing_ask::is_marked_fyi;

/// A numeric threshold a rule reads from `[rules.<id>]` in the config.
#[derive(Debug)]
pub struct OptionMeta {
    /// The key in the config (`max-words`).
    pub name: &'static str,
    /// The value when the config does not set it.
    pub default: u32,
    /// The smallest value allowed.
    pub min: u32,
    /// One line on what it changes.
    pub doc: &'static str,
}

/// Whether a finding is about a stretch of text or the message as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// About the text it points at (a phrase, a sentence, a paragraph).
    Text,
    /// About the whole message (nothing asked, too long); it points at an anchor.
    Message,
}

/// Everything known about a rule without running it.
#[derive(Debug)]
pub struct RuleMeta {
    /// Kebab-case id: the code in output, the key in config, the file name with `_`.
    pub id: &'static str,
    /// One line: shown by `plainly rules` and in the README table.
    pub summary: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// The default severity in the `doc` profile, when it differs from `severity`.
    pub doc_severity: Option<Severity>,
    /// Profiles the rule runs in by default.
    pub profiles: &'static [Profile],
    /// Further profiles the config may turn it on in.
    pub optional_profiles: &'static [Profile],
    /// Score points each finding costs.
    pub weight: u8,
    /// Whether findings are about text or the whole message.
    pub scope: Scope,
    /// Markdown: `## What it does`, `## Why`, `## What counts` (and options).
    pub docs: &'static str,
    /// Numeric options.
    pub options: &'static [OptionMeta],
    /// The plainly.toml the examples are checked with, for rules that need configuration.
    pub example_config: Option<&'static str>,
    /// Messages the rule must flag (run in its first profile; tested).
    pub flagged: &'static [&'static str],
    /// Messages the rule must not flag (tested).
    pub fine: &'static [&'static str],
}

impl RuleMeta {
    /// The severity the rule runs at in `profile` when the config sets none.
    pub fn default_severity(&self, profile: Profile) -> Severity {
        match (profile, self.doc_severity) {
            (Profile::Doc, Some(severity)) => severity,
            _ => self.severity,
        }
    }

    /// Whether the rule may run in `profile`, by default or when turned on.
    pub fn may_run_in(&self, profile: Profile) -> bool {
        self.profiles.contains(&profile) || self.optional_profiles.contains(&profile)
    }
}

/// Everything a rule may read. Rules do no I/O and never see the config file.
pub struct Context<'a> {
    /// The document being checked.
    pub doc: &'a Document<'a>,
    /// The resolved settings.
    pub settings: &'a Settings,
    /// The profile in effect.
    pub profile: Profile,
    language: Language<'a>,
    phrases: OnceCell<PhraseScan>,
    asks: OnceCell<Vec<Ask>>,
    times: OnceCell<TimeScan>,
}

impl<'a> Context<'a> {
    /// A context for checking `doc`.
    pub fn new(doc: &'a Document<'a>, settings: &'a Settings, profile: Profile) -> Context<'a> {
        Context {
            doc,
            settings,
            profile,
            language: Language::new(doc),
            phrases: OnceCell::new(),
            asks: OnceCell::new(),
            times: OnceCell::new(),
        }
    }

    /// The phrase lists.
    pub fn lexicon(&self) -> &Lexicon {
        &self.settings.lexicon
    }

    /// The language layer's reading of the document's sentences.
    pub fn language(&self) -> &Language<'a> {
        &self.language
    }

    /// What the rules conclude about the message as a whole.
    pub fn message_facts(&self) -> crate::analysis::MessageFacts {
        crate::analysis::message_facts(self)
    }

    /// Every phrase list's matches, scanned once per document.
    pub fn phrases(&self) -> &PhraseScan {
        self.phrases.get_or_init(|| self.settings.lexicon.scan(self.doc, self.profile))
    }

    /// The sentences that ask something of the reader, found once per document.
    pub fn asks(&self) -> &[Ask] {
        self.asks.get_or_init(|| crate::analysis::asks::find(self))
    }

    /// Times, dates and time words, found once per document.
    pub fn times(&self) -> &TimeScan {
        self.times.get_or_init(|| crate::analysis::times::scan(self))
    }

    /// The value of one of `rule`'s numeric options.
    pub fn option(&self, rule: &RuleMeta, name: &str) -> u32 {
        self.settings.option(rule, name)
    }
}

/// A check over a document. Rules take `&self` and are `Sync`, so one registry serves
/// every thread and the language server.
pub trait Rule: Sync {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// The rule's findings; the engine fills in each finding's rule and severity.
    fn check(&self, cx: &Context<'_>) -> Vec<Finding>;
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
            let entry = &entries[m.entry];
            let message = match &entry.why {
                Some(why) => format!("“{text}” {why}"),
                None => format!("{}.", describe(text)),
            };
            let fixes = entry.instead.iter().map(|alternative| replacement_fix(cx.doc.source, m.span, alternative));
            Some(Finding { fixes: fixes.collect(), ..Finding::new(m.span, message) })
        })
        .collect()
}

/// A fix replacing `span` with `alternative`, matching the case of the original's first
/// letter. An empty alternative removes the phrase with the comma and space after it.
pub(crate) fn replacement_fix(source: &str, span: crate::span::Span, alternative: &str) -> crate::finding::Fix {
    let original = span.slice(source);
    if alternative.is_empty() {
        let rest = &source[span.end..];
        let eaten = rest.len() - rest.trim_start_matches([',', ';']).trim_start_matches([' ', '\t']).len();
        let mut fix = crate::finding::Fix::replace(crate::span::Span::new(span.start, span.end + eaten), "");
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
    crate::finding::Fix::replace(span, replacement)
}
