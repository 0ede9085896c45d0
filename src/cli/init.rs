//! `plainly init`: a commented starter `plainly.toml`.

use std::path::Path;

use anyhow::Context as _;

use super::{ExitStatus, write_stdout};

/// The starter config. Every line is valid; the commented ones show the other choices.
pub const STARTER: &str = r#"# plainly.toml: configuration for plainly, the clarity linter for async messages.
# plainly finds this file by walking up from each checked file; paths and patterns
# below are relative to this folder. Run `plainly rules` for every rule, and
# `plainly explain RULE` for what a rule checks and the options it takes.

# Files and folders never checked (.gitignore syntax). Hidden files and whatever
# .gitignore lists are skipped anyway.
exclude = [
  # "vendor/",
  # "CHANGELOG.md",
]

# Acronyms and terms your readers know: never flagged by undefined-acronym,
# jargon, idiom or hedge.
glossary = [
  # "KEP",
  # "SIG",
]

# Your own phrase lists, in the format of plainly's rules/*.toml:
#   [[jargon]]
#   match = ["tiger team"]
#   instead = ["task force"]
#   why = "is our name for a task force."   # read after the phrase
rule-files = [
  # "style/team-jargon.toml",
]

# Files larger than this many bytes are refused with an error.
# max-file-size = 10485760

# Which profile applies to which files: "message" (chat posts, emails, issue
# comments), "standup" (status updates) or "doc" (documentation: style rules only).
# Without a match, Markdown is "doc" and text, email and stdin are "message".
# A pattern without "/" matches at any depth; the first matching pattern wins.
[profiles]
# "drafts/**" = "message"
# "updates/**" = "standup"
# "docs/**" = "doc"

# The team behind the messages: the writer's zone (IANA names; `--timezone` overrides
# it), the zones teammates read in, and their core hours in local time. With it,
# time-zone fixes "3pm" to "3pm CET" (the abbreviation valid on the day meant, or an
# offset such as "UTC+5:30" where abbreviations are ambiguous; zone-style = "offset"
# always uses offsets), and outside-core-hours names a time's local time for teammates
# it falls outside core hours for ("3pm PT is 7am Wednesday in Tokyo").
# [team]
# timezone = "Europe/Berlin"
# zones = ["America/Los_Angeles", "Asia/Tokyo"]
# core-hours = "09:00-17:00"      # or { default = "09:00-17:00", "Asia/Tokyo" = "10:00-18:00" }
# zone-style = "abbreviation"

# A message in another language gets only the rules that do not read English (time
# zones, lengths). `detect = false` checks every text as English.
# [language]
# detect = false

# Turn rules off, change their severity ("info", "warning", "error"), or set their
# thresholds.
[rules]
# hedge = "off"
# jargon = "warning"
# long-sentence = { max-words = 25 }
# too-long = { severity = "warning", max-words = 300 }
# wall-of-text = { max-words = 150 }
"#;

pub(super) fn run(path: &Path, force: bool) -> anyhow::Result<ExitStatus> {
    if path.exists() && !force {
        anyhow::bail!("{} already exists; use --force to overwrite it", path.display());
    }
    std::fs::write(path, STARTER).with_context(|| format!("cannot write {}", path.display()))?;
    write_stdout(&format!("Wrote {}. Run `plainly check` to use it.\n", path.display()))?;
    Ok(ExitStatus::Clean)
}

#[cfg(test)]
mod tests {
    #[test]
    fn starter_config_is_valid() {
        crate::config::Settings::parse(std::path::Path::new("plainly.toml"), super::STARTER, crate::rules::catalogue())
            .unwrap();
    }
}
