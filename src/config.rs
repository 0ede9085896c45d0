//! `plainly.toml`: the raw options as written, resolved into [`Settings`].
//!
//! The config is found by walking up from each checked file (or given with
//! `--config`). Paths and patterns in it are relative to the folder holding it.
//! Unknown keys and bad values are errors that name `file:line:col`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{GlobBuilder, GlobMatcher};
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use toml::Spanned;

use crate::Profile;
pub use crate::config_error::ConfigError;
use crate::finding::Severity;
use crate::input::DEFAULT_MAX_FILE_BYTES;
use crate::language::acts::{ACT_COUNT, ActModel, ActReader};
use crate::lexicon::{Lexicon, LexiconSource};
use crate::meta::RuleMeta;
use crate::team::{CoreHours, Reader, Team, Zone, ZoneStyle};

/// The names plainly looks for, in order, in each folder from a file up to the root.
pub const CONFIG_NAMES: &[&str] = &["plainly.toml", ".plainly.toml"];

/// `plainly.toml` as written.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    profiles: Option<Spanned<toml::Table>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    rule_files: Vec<Spanned<String>>,
    #[serde(default)]
    glossary: Vec<String>,
    max_file_size: Option<Spanned<i64>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<RuleValue>>,
    team: Option<TeamOptions>,
    language: Option<LanguageOptions>,
}

/// `[language]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct LanguageOptions {
    /// Whether to tell English messages from others (default true); `false` reads every
    /// text as English.
    detect: Option<bool>,
}

/// `[team]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct TeamOptions {
    timezone: Option<Spanned<String>>,
    #[serde(default)]
    zones: Vec<Spanned<String>>,
    /// "09:00-17:00" for every zone, or a table of zone → hours (with an optional `default`).
    core_hours: Option<Spanned<toml::Value>>,
    zone_style: Option<Spanned<String>>,
}

/// A rule's entry under `[rules]`: a level, or a table of `severity` and options.
enum RuleValue {
    Level(String),
    Table(Vec<(Spanned<String>, Spanned<toml::Value>)>),
}

impl<'de> Deserialize<'de> for RuleValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RuleValue, D::Error> {
        struct RuleValueVisitor;
        impl<'de> Visitor<'de> for RuleValueVisitor {
            type Value = RuleValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#""off", "on", "info", "warning", "error", or a table such as { max-words = 25 }"#)
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<RuleValue, E> {
                Ok(RuleValue::Level(value.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RuleValue, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<Spanned<String>, Spanned<toml::Value>>()? {
                    entries.push(entry);
                }
                Ok(RuleValue::Table(entries))
            }
        }
        deserializer.deserialize_any(RuleValueVisitor)
    }
}

/// What the config says of one rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RuleSwitch {
    /// Never run.
    Off,
    /// Run wherever the rule may run, at this severity (or the default).
    On(Option<Severity>),
}

/// Terms a team accepts: acronyms that need no definition and phrases that are not jargon.
#[derive(Clone, Debug, Default)]
pub struct Glossary {
    exact: HashSet<String>,
    lower: HashSet<String>,
}

impl Glossary {
    /// A glossary of these terms.
    pub fn new<S: AsRef<str>>(terms: impl IntoIterator<Item = S>) -> Glossary {
        let mut glossary = Glossary::default();
        for term in terms {
            let term = term.as_ref().trim();
            glossary.exact.insert(term.to_string());
            glossary.lower.insert(term.to_lowercase());
        }
        glossary
    }

    /// Whether an acronym ("KEP", or its plural "KEPs") is accepted.
    pub fn has_acronym(&self, word: &str) -> bool {
        self.exact.contains(word) || word.strip_suffix('s').is_some_and(|w| self.exact.contains(w))
    }

    /// Whether a phrase is accepted, ignoring case.
    pub fn has_term(&self, phrase: &str) -> bool {
        !self.lower.is_empty() && self.lower.contains(&phrase.to_lowercase())
    }
}

/// Resolved settings: everything checking needs from the config.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The config file these came from, if any.
    pub path: Option<PathBuf>,
    /// The folder patterns are relative to.
    pub root: PathBuf,
    /// The phrase lists, built-in plus the config's rule files.
    pub lexicon: LexiconSource,
    /// The act model that reads what each sentence does: the built-in one, or a model
    /// being evaluated.
    pub act_model: &'static ActModel<'static>,
    /// Which reader decides each act, when not the default the evaluation chose
    /// (`crate::analysis::acts::DECIDED_BY`): the evaluation compares readers this way.
    pub act_readers: Option<[ActReader; ACT_COUNT]>,
    /// Whether every text checked is a reply to an earlier message (the caller says so:
    /// `--reply`, or a request's `reply` field), so needs no ask.
    pub reply: bool,
    /// Whether a text in another language than English gets only the rules that do not
    /// read English (`[language] detect`, default true).
    pub detect_language: bool,
    /// Accepted acronyms and terms.
    pub glossary: Glossary,
    /// Files larger than this are refused.
    pub max_file_size: u64,
    /// The team behind the messages (`[team]`), when configured.
    pub team: Option<Team>,
    /// The rule files the config names, as read: an editor re-reads the config when one
    /// changes.
    pub rule_files: Vec<PathBuf>,
    switches: HashMap<&'static str, RuleSwitch>,
    options: HashMap<(&'static str, &'static str), u32>,
    profiles: Vec<(GlobMatcher, Profile)>,
    exclude: Option<Arc<Gitignore>>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            path: None,
            root: PathBuf::from("."),
            lexicon: LexiconSource::Builtin,
            act_model: crate::language::acts::builtin(),
            act_readers: None,
            reply: false,
            detect_language: true,
            glossary: Glossary::default(),
            max_file_size: DEFAULT_MAX_FILE_BYTES,
            team: None,
            rule_files: Vec::new(),
            switches: HashMap::new(),
            options: HashMap::new(),
            profiles: Vec::new(),
            exclude: None,
        }
    }
}

impl Settings {
    /// Reads and resolves the config file at `path`; its `[rules]` table is checked
    /// against `rules`, the metadata of every rule there is (`crate::rules::catalogue()`),
    /// which the caller passes so that configuration does not depend on the rules' code.
    pub fn load(path: &Path, rules: &[&'static RuleMeta]) -> Result<Settings, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|err| ConfigError::new(path.display(), 0, 0, format!("cannot read config: {err}")))?;
        Settings::parse(path, &text, rules)
    }

    /// Resolves config `text` as if read from `path`; see [`Settings::load`].
    pub fn parse(path: &Path, text: &str, rules: &[&'static RuleMeta]) -> Result<Settings, ConfigError> {
        let error_at = |offset: usize, message: String| ConfigError::at(path, text, offset, message);
        if let Some((offset, message)) = misplaced_top_level_key(text) {
            return Err(error_at(offset, message));
        }
        let options: Options = toml::from_str(text).map_err(|err| ConfigError::from_toml(path, text, &err))?;
        let root = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        // Patterns are matched against paths relative to this folder.
        let root = std::path::absolute(&root).unwrap_or(root);
        let mut settings = Settings { path: Some(path.to_path_buf()), root: root.clone(), ..Settings::default() };

        let profiles_at = options.profiles.as_ref().map_or(0, |p| p.span().start);
        for (pattern, value) in options.profiles.map(Spanned::into_inner).unwrap_or_default() {
            let Some(name) = value.as_str() else {
                return Err(error_at(
                    key_offset(text, profiles_at, &pattern),
                    format!("profile for {pattern:?} must be a string (\"message\", \"standup\" or \"doc\")"),
                ));
            };
            let offset = key_offset(text, profiles_at, &pattern);
            let Some(profile) = Profile::from_name(name) else {
                return Err(error_at(offset, format!("unknown profile {name:?}; expected message, standup or doc")));
            };
            let glob = GlobBuilder::new(&anchored(&pattern))
                .literal_separator(true)
                .build()
                .map_err(|err| error_at(offset, format!("invalid glob {pattern:?}: {}", err.kind())))?;
            settings.profiles.push((glob.compile_matcher(), profile));
        }

        if !options.exclude.is_empty() {
            let mut builder = GitignoreBuilder::new(&root);
            for pattern in &options.exclude {
                builder
                    .add_line(None, pattern.get_ref())
                    .map_err(|err| error_at(pattern.span().start, format!("invalid exclude pattern: {err}")))?;
            }
            let exclude = builder.build().map_err(|err| ConfigError::new(path.display(), 0, 0, err.to_string()))?;
            settings.exclude = Some(Arc::new(exclude));
        }

        if !options.rule_files.is_empty() {
            let mut files = Vec::new();
            for file in &options.rule_files {
                let full = root.join(file.get_ref());
                let content = std::fs::read_to_string(&full).map_err(|err| {
                    error_at(file.span().start, format!("cannot read rule file {}: {err}", full.display()))
                })?;
                // Its errors name it beside the config as the user named the config
                // (`team.toml:6:11`), not by its absolute path.
                let shown = path.parent().map_or_else(|| PathBuf::from(file.get_ref()), |dir| dir.join(file.get_ref()));
                files.push((shown, content));
                settings.rule_files.push(full);
            }
            let lexicon = Lexicon::with_user_files(files.iter().map(|(p, t)| (p.as_path(), t.as_str())))?;
            settings.lexicon = LexiconSource::Extended(Arc::new(lexicon));
        }

        settings.glossary = Glossary::new(&options.glossary);
        if let Some(size) = options.max_file_size {
            let bytes = u64::try_from(*size.get_ref()).ok().filter(|b| *b > 0).ok_or_else(|| {
                error_at(size.span().start, "max-file-size must be a positive number of bytes".into())
            })?;
            settings.max_file_size = bytes;
        }

        if let Some(language) = options.language {
            settings.detect_language = language.detect.unwrap_or(true);
        }
        if let Some(team) = options.team {
            settings.team = Some(parse_team(team, &error_at)?);
        }

        for (id, value) in options.rules {
            let Some(meta) = rules.iter().copied().find(|meta| meta.id == id.get_ref()) else {
                return Err(error_at(id.span().start, unknown_rule(id.get_ref(), rules)));
            };
            match value.into_inner() {
                RuleValue::Level(level) => {
                    let switch = parse_switch(&level).ok_or_else(|| error_at(id.span().end, bad_level(&level)))?;
                    settings.switches.insert(meta.id, switch);
                }
                RuleValue::Table(entries) => {
                    let mut switch = RuleSwitch::On(None);
                    for (key, value) in entries {
                        let at = value.span().start;
                        if key.get_ref() == "severity" {
                            let level = value.get_ref().as_str().unwrap_or_default().to_string();
                            switch = parse_switch(&level).ok_or_else(|| error_at(at, bad_level(&level)))?;
                            continue;
                        }
                        let Some(option) = meta.options.iter().find(|o| o.name == key.get_ref()) else {
                            return Err(error_at(key.span().start, unknown_option(meta, key.get_ref())));
                        };
                        let number = value
                            .get_ref()
                            .as_integer()
                            .and_then(|n| u32::try_from(n).ok())
                            .filter(|n| *n >= option.min)
                            .ok_or_else(|| {
                                error_at(
                                    at,
                                    format!("`{}` must be a whole number of at least {}", option.name, option.min),
                                )
                            })?;
                        settings.options.insert((meta.id, option.name), number);
                    }
                    settings.switches.insert(meta.id, switch);
                }
            }
        }
        Ok(settings)
    }

    /// These settings with every rule but `id` switched off (`rules` is every rule's
    /// metadata, as [`Settings::load`] takes it): a rule's fixtures test that rule alone,
    /// as ruff's `LinterSettings::for_rule` does, so a change to one rule changes only its
    /// own snapshots.
    pub fn only(mut self, id: &str, rules: &[&'static RuleMeta]) -> Settings {
        for rule in rules.iter().filter(|rule| rule.id != id) {
            self.switches.insert(rule.id, RuleSwitch::Off);
        }
        self
    }

    /// These settings with the rule `id` switched on wherever it may run, as `id = "on"`
    /// under `[rules]` does (a severity the config gives it is kept): what LanguageTool's
    /// `enabledRules` asks of `plainly serve`. An unknown id changes nothing.
    pub fn with_rule_on(mut self, id: &str, rules: &[&'static RuleMeta]) -> Settings {
        if let Some(rule) = rules.iter().find(|rule| rule.id == id) {
            if !matches!(self.switches.get(rule.id), Some(RuleSwitch::On(_))) {
                self.switches.insert(rule.id, RuleSwitch::On(None));
            }
        }
        self
    }

    /// The severity `rule` runs at in `profile`, or `None` when it does not run there.
    pub fn severity(&self, rule: &RuleMeta, profile: Profile) -> Option<Severity> {
        match self.switches.get(rule.id) {
            Some(RuleSwitch::Off) => None,
            Some(RuleSwitch::On(level)) => {
                rule.may_run_in(profile).then(|| level.unwrap_or(rule.default_severity(profile)))
            }
            None => rule.profiles.contains(&profile).then(|| rule.default_severity(profile)),
        }
    }

    /// The value of one of `rule`'s numeric options.
    pub fn option(&self, rule: &RuleMeta, name: &str) -> u32 {
        let option = rule.options.iter().find(|o| o.name == name).expect("rules read only options they declare");
        self.options.get(&(rule.id, option.name)).copied().unwrap_or(option.default)
    }

    /// The value of one of `rule`'s numeric options when the config sets it, for rules
    /// whose default depends on the profile.
    pub fn option_if_set(&self, rule: &RuleMeta, name: &str) -> Option<u32> {
        self.options.get(&(rule.id, name)).copied()
    }

    /// The profile the config maps `path` to, if any of its patterns match.
    pub fn profile_for(&self, path: &Path) -> Option<Profile> {
        let relative = self.relative(path);
        self.profiles.iter().find(|(glob, _)| glob.is_match(&relative)).map(|(_, profile)| *profile)
    }

    /// Whether the config excludes `path`.
    pub fn is_excluded(&self, path: &Path, is_dir: bool) -> bool {
        let Some(exclude) = &self.exclude else { return false };
        let relative = self.relative(path);
        if relative.as_os_str().is_empty() || relative.starts_with("..") {
            return false;
        }
        exclude.matched_path_or_any_parents(&relative, is_dir).is_ignore()
    }

    /// `path` relative to the config's folder (unchanged when it lies outside it).
    fn relative(&self, path: &Path) -> PathBuf {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let root = std::path::absolute(&self.root).unwrap_or_else(|_| self.root.clone());
        let clean =
            |p: &Path| p.components().filter(|c| !matches!(c, std::path::Component::CurDir)).collect::<PathBuf>();
        let (absolute, root) = (clean(&absolute), clean(&root));
        absolute.strip_prefix(&root).map_or(absolute.clone(), Path::to_path_buf)
    }
}

/// Resolves `[team]`: every zone must be a known IANA name and every range "HH:MM-HH:MM".
fn parse_team(team: TeamOptions, error_at: &dyn Fn(usize, String) -> ConfigError) -> Result<Team, ConfigError> {
    let zone = |name: &Spanned<String>| {
        Zone::get(name.get_ref()).ok_or_else(|| {
            error_at(
                name.span().start,
                format!("unknown time zone {:?}; use an IANA name such as \"Europe/Berlin\"", name.get_ref()),
            )
        })
    };
    let writer = team.timezone.as_ref().map(zone).transpose()?;
    let hours = |value: &toml::Value, at: usize| {
        value
            .as_str()
            .and_then(CoreHours::parse)
            .ok_or_else(|| error_at(at, "core hours must look like \"09:00-17:00\" (local time, 24-hour clock)".into()))
    };
    let default_hours = CoreHours { start: 9 * 60, end: 17 * 60 };
    let (all, per_zone) = match &team.core_hours {
        None => (default_hours, toml::Table::new()),
        Some(value) => match value.get_ref() {
            toml::Value::Table(table) => {
                let all = table.get("default").map(|v| hours(v, value.span().start)).transpose()?;
                (all.unwrap_or(default_hours), table.clone())
            }
            other => (hours(other, value.span().start)?, toml::Table::new()),
        },
    };
    let mut readers = Vec::new();
    for name in &team.zones {
        let zone = zone(name)?;
        let core_hours = match per_zone.get(name.get_ref()) {
            Some(value) => hours(value, team.core_hours.as_ref().map_or(0, |v| v.span().start))?,
            None => all,
        };
        readers.push(Reader { zone, core_hours });
    }
    if let Some(value) = &team.core_hours {
        if let Some(unknown) =
            per_zone.keys().find(|k| *k != "default" && !team.zones.iter().any(|z| z.get_ref() == *k))
        {
            return Err(error_at(value.span().start, format!("core hours for {unknown:?}, which is not in `zones`")));
        }
    }
    let style = match team.zone_style.as_ref().map(|s| s.get_ref().as_str()) {
        None | Some("abbreviation") => ZoneStyle::Abbreviation,
        Some("offset") => ZoneStyle::Offset,
        Some(other) => {
            let at = team.zone_style.as_ref().map_or(0, |s| s.span().start);
            return Err(error_at(at, format!("unknown zone-style {other:?}; expected \"abbreviation\" or \"offset\"")));
        }
    };
    Ok(Team { writer, readers, style, today: today_override() })
}

/// `PLAINLY_TODAY=2026-11-25` pins the date that times without a date refer to, for
/// reproducible runs and tests; otherwise it is the current date.
fn today_override() -> Option<jiff::civil::Date> {
    std::env::var("PLAINLY_TODAY").ok().and_then(|text| text.parse().ok())
}

impl Settings {
    /// These settings with the writer's zone set to `name` (`--timezone`).
    pub fn with_writer_zone(&self, name: &str) -> Result<Settings, String> {
        let zone = Zone::get(name)
            .ok_or_else(|| format!("unknown time zone {name:?}; use an IANA name such as \"Europe/Berlin\""))?;
        let mut settings = self.clone();
        let team = settings.team.get_or_insert_with(|| Team { today: today_override(), ..Team::default() });
        team.writer = Some(zone);
        Ok(settings)
    }
}

/// The keys that belong at the top of plainly.toml, before any `[table]`.
const TOP_LEVEL_KEYS: &[&str] = &["exclude", "glossary", "rule-files", "max-file-size"];

/// A top-level key written after a `[table]` header, which TOML reads as part of that
/// table: `(offset, "`glossary` is a top-level key: move it above `[rules]`")`. In
/// `[profiles]` a key is a file pattern, so only a non-string value there is a mistake.
fn misplaced_top_level_key(text: &str) -> Option<(usize, String)> {
    type Table = Option<BTreeMap<Spanned<String>, toml::Value>>;
    #[derive(Deserialize)]
    struct Tables {
        rules: Table,
        team: Table,
        profiles: Table,
    }
    // A file that does not parse is reported by the real parse, with TOML's own message.
    let tables: Tables = toml::from_str(text).ok()?;
    let sections = [("rules", tables.rules), ("team", tables.team), ("profiles", tables.profiles)];
    let mut found = sections.into_iter().flat_map(|(name, table)| {
        table.unwrap_or_default().into_iter().filter_map(move |(key, value)| {
            let misplaced = TOP_LEVEL_KEYS.contains(&key.get_ref().as_str()) && (name != "profiles" || !value.is_str());
            misplaced.then(|| {
                let message = format!(
                    "`{}` is a top-level key: move it above `[{name}]` (in TOML, keys after a [table] header belong to that table)",
                    key.get_ref()
                );
                (key.span().start, message)
            })
        })
    });
    found.next()
}

/// Finds the nearest config file in `dir` or a folder above it.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let absolute = std::path::absolute(dir).ok()?;
    let found = absolute
        .ancestors()
        .find_map(|folder| CONFIG_NAMES.iter().map(|name| folder.join(name)).find(|candidate| candidate.is_file()))?;
    // Messages name the file as the user would type it: relative to the current folder when inside it.
    let cwd = std::env::current_dir().ok();
    Some(cwd.and_then(|cwd| found.strip_prefix(&cwd).ok().map(Path::to_path_buf)).unwrap_or(found))
}

/// A glob without `/` matches at any depth, as in `.gitignore`.
fn anchored(pattern: &str) -> String {
    let pattern = pattern.strip_prefix("./").unwrap_or(pattern);
    if let Some(rooted) = pattern.strip_prefix('/') {
        rooted.to_string()
    } else if pattern.contains('/') {
        pattern.to_string()
    } else {
        format!("**/{pattern}")
    }
}

/// The offset of `key` inside the table that starts at `table_at`, for error positions.
fn key_offset(text: &str, table_at: usize, key: &str) -> usize {
    let rest = &text[table_at.min(text.len())..];
    rest.find(&format!("\"{key}\""))
        .or_else(|| rest.find(&format!("'{key}'")))
        .or_else(|| rest.find(key))
        .map_or(table_at, |at| table_at + at)
}

fn parse_switch(level: &str) -> Option<RuleSwitch> {
    match level {
        "off" => Some(RuleSwitch::Off),
        "on" => Some(RuleSwitch::On(None)),
        other => Severity::from_name(other).map(|s| RuleSwitch::On(Some(s))),
    }
}

fn bad_level(level: &str) -> String {
    format!("unknown level {level:?}; expected \"off\", \"on\", \"info\", \"warning\" or \"error\"")
}

fn unknown_rule(id: &str, rules: &[&RuleMeta]) -> String {
    let ids: Vec<&str> = rules.iter().map(|meta| meta.id).collect();
    format!("unknown rule `{id}`; run `plainly rules` to list them ({})", ids.join(", "))
}

fn unknown_option(rule: &RuleMeta, key: &str) -> String {
    if rule.options.is_empty() {
        format!("rule `{}` has no option `{key}`; it takes only `severity`", rule.id)
    } else {
        let names: Vec<&str> = rule.options.iter().map(|o| o.name).collect();
        format!("rule `{}` has no option `{key}`; it takes `severity`, `{}`", rule.id, names.join("`, `"))
    }
}

#[cfg(test)]
mod tests;
