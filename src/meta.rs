//! What a rule is without its code: the profiles it runs in, its id, severity, options,
//! weight and documentation. Configuration is checked against this, and `explain`,
//! `rules` and the README are rendered from it; the rules' code lives in
//! [`crate::rules`], above the language layer and the analysis it reads.

use std::fmt;

use crate::finding::Severity;
use crate::input::FileKind;

/// Which kind of writing a file is, and so which rules apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// Drafts of async messages: chat posts, emails, issue comments.
    Message,
    /// Daily or weekly status updates.
    Standup,
    /// Documentation: only the style rules.
    Doc,
}

impl Profile {
    /// Every profile.
    pub const ALL: [Profile; 3] = [Profile::Message, Profile::Standup, Profile::Doc];

    /// The profile's name.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Message => "message",
            Profile::Standup => "standup",
            Profile::Doc => "doc",
        }
    }

    /// The profile with this name.
    pub fn from_name(name: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The profile a file gets when nothing else chooses one: Markdown files are
    /// documentation, so a docs folder is not buried in missing-ask warnings; text,
    /// email and stdin are messages.
    pub fn default_for(kind: FileKind) -> Profile {
        match kind {
            FileKind::Markdown => Profile::Doc,
            FileKind::Text | FileKind::Email | FileKind::Commit => Profile::Message,
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

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
    /// Whether the rule reads English words: when a message is in another language it
    /// does not run (only rules on digits, zone names and lengths do).
    pub reads_english: bool,
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
