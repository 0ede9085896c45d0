//! Which settings, kind and profile apply to a text: one answer for every front end.
//!
//! `check`, `analyze`, the language server and `serve` all ask a [`Resolver`], as ruff's
//! CLI and server share its `Resolver`. A text comes from an [`Origin`]: a file, or a
//! virtual document (stdin, maybe named by `--stdin-filename`; an editor buffer; a
//! request) with the path it stands for, if any. The answer is a [`Target`]: the settings,
//! the kind, and the profile once the text's front matter is read. Every problem is one
//! [`ResolveError`]: a broken config, or front matter that asks for a profile that does
//! not exist.
//!
//! The profile, first that applies: the command's `--profile`; the text's front matter;
//! the config's `[profiles]` pattern for its path; the kind's default (a commit message
//! and a text with no path are messages).

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};
use std::time::SystemTime;

use crate::Profile;
use crate::config::{self, ConfigError, Settings};
use crate::input::FileKind;
use crate::meta::RuleMeta;
use crate::position::line_column_1;
use crate::span::Span;

/// Where a text comes from, as far as its settings go.
#[derive(Clone, Copy, Debug)]
pub struct Origin<'a> {
    /// The file the text is, or stands for: its name picks the kind, its folder the
    /// config, the config's patterns the profile.
    pub path: Option<&'a Path>,
    /// The editor's language id, for a buffer whose name does not say its kind.
    pub language_id: Option<&'a str>,
    /// Where to look for the config when there is no path: the working folder for stdin,
    /// the workspace for an editor's untitled buffer.
    pub dir: &'a Path,
}

impl<'a> Origin<'a> {
    /// A file on disk.
    pub fn file(path: &'a Path) -> Origin<'a> {
        Origin { path: Some(path), language_id: None, dir: Path::new(".") }
    }

    /// Text piped in, checked as the file `name` when one is given.
    pub fn stdin(name: Option<&'a Path>) -> Origin<'a> {
        Origin { path: name, language_id: None, dir: Path::new(".") }
    }

    /// An editor buffer: the file it is, if any, its language id, and the folder whose
    /// config an untitled buffer uses.
    pub fn buffer(path: Option<&'a Path>, language_id: &'a str, workspace: &'a Path) -> Origin<'a> {
        Origin { path, language_id: Some(language_id), dir: workspace }
    }

    /// The folder whose config applies.
    pub fn config_dir(&self) -> &'a Path {
        match self.path.and_then(Path::parent) {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            Some(_) => Path::new("."),
            None => self.dir,
        }
    }

    /// The kind of text: from the file's name when it says, else from the language id,
    /// else plain text.
    pub fn kind(&self) -> FileKind {
        self.path.and_then(named_kind).or_else(|| self.language_id.map(language_kind)).unwrap_or(FileKind::Text)
    }

    /// Whether the editor calls this a commit message.
    fn is_commit_language(&self) -> bool {
        self.language_id.is_some_and(|id| COMMIT_LANGUAGES.contains(&id))
    }
}

/// Commit messages, by the LSP's and Vim's names for them (Neovim and eglot send Vim's).
pub const COMMIT_LANGUAGES: &[&str] = &["git-commit", "gitcommit"];

/// The kind a file's name gives, when it gives one.
pub fn named_kind(path: &Path) -> Option<FileKind> {
    FileKind::from_path(path).or_else(|| Some(FileKind::for_named_file(path)).filter(|&kind| kind == FileKind::Commit))
}

/// The kind an editor's language id gives.
fn language_kind(language_id: &str) -> FileKind {
    match language_id {
        "markdown" => FileKind::Markdown,
        "mail" => FileKind::Email,
        id if COMMIT_LANGUAGES.contains(&id) => FileKind::Commit,
        _ => FileKind::Text,
    }
}

/// What the command line sets over every config.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// `--profile`: every text gets this profile, whatever its front matter says.
    pub profile: Option<Profile>,
    /// `--timezone`: the writer's zone, over `[team] timezone`.
    pub timezone: Option<String>,
    /// `--reply`: every text answers an earlier message.
    pub reply: bool,
}

impl Overrides {
    /// `settings` with the writer's zone and `reply` set.
    fn apply(&self, settings: Settings) -> Settings {
        let mut settings = match &self.timezone {
            Some(zone) => settings.with_writer_zone(zone).unwrap_or(settings),
            None => settings,
        };
        settings.reply |= self.reply;
        settings
    }
}

/// How one text is checked, before its front matter is read.
#[derive(Clone, Debug)]
pub struct Target {
    /// The settings of its config (the defaults when there is none).
    pub settings: Arc<Settings>,
    /// The config file that applies, if any.
    pub config: Option<PathBuf>,
    /// What kind of text it is.
    pub kind: FileKind,
    /// The profile the config's `[profiles]` patterns give its path, if one matches.
    pub by_pattern: Option<Profile>,
    /// The profile when nothing asks for one.
    pub default: Profile,
    /// `--profile`, over everything else.
    forced: Option<Profile>,
}

impl Target {
    /// The profile `text` is checked with: `--profile`, else what its front matter asks
    /// for, else the config's pattern, else the default.
    pub fn profile(&self, text: &str) -> Result<Profile, FrontMatterError> {
        if let Some(forced) = self.forced {
            return Ok(forced);
        }
        let asked = front_matter_profile(text, self.kind)?;
        Ok(asked.or(self.by_pattern).unwrap_or(self.default))
    }
}

/// Why a text cannot be checked as asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResolveError {
    /// The config that applies is broken.
    Config(ConfigError),
    /// The text's front matter asks for a profile that does not exist.
    FrontMatter(FrontMatterError),
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::Config(err) => err.fmt(f),
            ResolveError::FrontMatter(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for ResolveError {}

impl From<FrontMatterError> for ResolveError {
    fn from(err: FrontMatterError) -> ResolveError {
        ResolveError::FrontMatter(err)
    }
}

/// Front matter that asks for an unknown profile, at the name it gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatterError {
    /// The profile name as written.
    pub span: Span,
    /// 1-based line and column (in characters) of `span`'s start.
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for FrontMatterError {
    /// "2:18: front matter asks for …": the caller puts the file's name before it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// Finds, loads and caches the config for each text, and resolves its kind and profile.
pub struct Resolver {
    /// Every rule's metadata, which configs are checked against.
    rules: &'static [&'static RuleMeta],
    overrides: Overrides,
    /// `--config`: one config for every text.
    fixed: Option<(PathBuf, Arc<Settings>)>,
    /// Whether configs are named by absolute paths (an editor's messages), or as the user
    /// would type them from the working folder (the CLI's).
    absolute: bool,
    /// The config nearest to each folder asked about.
    nearest: HashMap<PathBuf, Option<PathBuf>>,
    /// Each config read, by path.
    loaded: HashMap<PathBuf, Loaded>,
    /// The defaults, with the overrides applied.
    defaults: Arc<Settings>,
}

/// A config as it was read, and how its files looked on disk then.
struct Loaded {
    settings: Result<Arc<Settings>, ConfigError>,
    /// The config and each rule file it reads, with what [`stamp`] said before reading.
    files: Vec<(PathBuf, Option<Stamp>)>,
}

/// What tells a changed file from an unchanged one without reading it: its modification
/// time and length. A file that cannot be read has none.
type Stamp = (SystemTime, u64);

fn stamp(path: &Path) -> Option<Stamp> {
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.modified().ok()?, metadata.len()))
}

impl Resolver {
    /// A resolver that finds each text's config by walking up from its folder; `rules`
    /// is every rule's metadata (`crate::rules::catalogue()`).
    pub fn new(rules: &'static [&'static RuleMeta], overrides: Overrides) -> Resolver {
        let defaults = Arc::new(overrides.apply(Settings::default()));
        Resolver {
            rules,
            overrides,
            fixed: None,
            absolute: false,
            nearest: HashMap::new(),
            loaded: HashMap::new(),
            defaults,
        }
    }

    /// A resolver that uses the config at `path` for every text (`--config`).
    pub fn with_config(
        rules: &'static [&'static RuleMeta],
        overrides: Overrides,
        path: &Path,
    ) -> Result<Resolver, ResolveError> {
        let settings = Settings::load(path, rules).map_err(ResolveError::Config)?;
        let fixed = Arc::new(overrides.apply(settings));
        Ok(Resolver { fixed: Some((path.to_path_buf(), fixed)), ..Resolver::new(rules, overrides) })
    }

    /// This resolver, naming configs by absolute paths, as an editor's messages should.
    pub fn naming_configs_absolutely(mut self) -> Resolver {
        self.absolute = true;
        self
    }

    /// How the text from `origin` is checked; a broken config is an error.
    pub fn resolve(&mut self, origin: Origin<'_>) -> Result<Target, ResolveError> {
        let (config, settings) = self.config_for(origin.config_dir());
        Ok(target(origin, settings.map_err(ResolveError::Config)?, config, self.overrides.profile))
    }

    /// How the text from `origin` is checked, with the defaults when its config is
    /// broken, and the error: an editor keeps checking while the writer fixes the config.
    pub fn resolve_or_default(&mut self, origin: Origin<'_>) -> (Target, Option<ConfigError>) {
        let (config, settings) = self.config_for(origin.config_dir());
        let (settings, error) = match settings {
            Ok(settings) => (settings, None),
            Err(err) => (Arc::clone(&self.defaults), Some(err)),
        };
        (target(origin, settings, config, self.overrides.profile), error)
    }

    /// The settings for texts in `dir` (their config's, or the defaults when none applies).
    pub fn settings_for_dir(&mut self, dir: &Path) -> Result<Arc<Settings>, ResolveError> {
        self.config_for(dir).1.map_err(ResolveError::Config)
    }

    /// The config that applies in `dir`, looked for now rather than remembered: whether
    /// one was created or deleted above a document since it was resolved.
    pub fn nearest_config(&self, dir: &Path) -> Option<PathBuf> {
        match &self.fixed {
            Some((path, _)) => Some(path.clone()),
            None => self.name(config::discover(dir)?),
        }
    }

    /// Whether a change to the file at `path` may change a loaded config: it is a rule
    /// file one of them reads, or some config is broken (the change may be its fix, say
    /// the rule file it could not find).
    pub fn depends_on(&self, path: &Path) -> bool {
        let same = |file: &PathBuf| {
            file == path || matches!((file.canonicalize(), path.canonicalize()), (Ok(a), Ok(b)) if a == b)
        };
        let fixed = self.fixed.iter().flat_map(|(_, settings)| &settings.rule_files);
        fixed
            .chain(self.loaded.values().flat_map(|loaded| match &loaded.settings {
                Ok(settings) => settings.rule_files.as_slice(),
                Err(_) => &[],
            }))
            .any(same)
            || (self.loaded.values().any(|loaded| loaded.settings.is_err())
                && path.extension().is_some_and(|ext| ext == "toml"))
    }

    /// Whether a config or rule file read so far changed on disk since: an editor's own
    /// look, for clients that do not watch files or whose watcher missed it.
    pub fn changed_on_disk(&self) -> bool {
        self.loaded.values().flat_map(|loaded| &loaded.files).any(|(path, was)| stamp(path) != *was)
    }

    /// Forgets every config found and read, so the next text reads them again.
    pub fn reload(&mut self) {
        self.nearest.clear();
        self.loaded.clear();
    }

    fn config_for(&mut self, dir: &Path) -> (Option<PathBuf>, Result<Arc<Settings>, ConfigError>) {
        if let Some((path, settings)) = &self.fixed {
            return (Some(path.clone()), Ok(Arc::clone(settings)));
        }
        let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        let nearest = match self.nearest.get(dir) {
            Some(found) => found.clone(),
            None => {
                let found = config::discover(dir).and_then(|path| self.name(path));
                self.nearest.insert(dir.to_path_buf(), found.clone());
                found
            }
        };
        let Some(path) = nearest else { return (None, Ok(Arc::clone(&self.defaults))) };
        let (rules, overrides) = (self.rules, &self.overrides);
        let loaded = self.loaded.entry(path.clone()).or_insert_with(|| load(&path, rules, overrides));
        (Some(path), loaded.settings.clone())
    }

    /// `path` as configs are named.
    fn name(&self, path: PathBuf) -> Option<PathBuf> {
        Some(if self.absolute { std::path::absolute(&path).unwrap_or(path) } else { path })
    }
}

/// Whether `path` is named like a config file.
pub fn is_config_file(path: &Path) -> bool {
    path.file_name().and_then(|name| name.to_str()).is_some_and(|name| config::CONFIG_NAMES.contains(&name))
}

/// Reads the config at `path`, stamped before it is read, so that a change made while it
/// is read shows as a change.
fn load(path: &Path, rules: &[&'static RuleMeta], overrides: &Overrides) -> Loaded {
    let stamped = stamp(path);
    let settings = Settings::load(path, rules).map(|settings| Arc::new(overrides.apply(settings)));
    let mut files = vec![(path.to_path_buf(), stamped)];
    if let Ok(settings) = &settings {
        // Rule files are read during `load`; a change between the two shows next time.
        files.extend(settings.rule_files.iter().map(|file| (file.clone(), stamp(file))));
    }
    Loaded { settings, files }
}

fn target(origin: Origin<'_>, settings: Arc<Settings>, config: Option<PathBuf>, forced: Option<Profile>) -> Target {
    let kind = origin.kind();
    let by_pattern = origin.path.and_then(|path| settings.profile_for(path));
    let default = if origin.is_commit_language() { Profile::Message } else { Profile::default_for(kind) };
    Target { settings, config, kind, by_pattern, default, forced }
}

/// The profile a Markdown file's front matter asks for: `plainly_profile: doc`,
/// `plainly: {profile: doc}`, or `plainly:` with `profile: doc` indented below it (YAML),
/// or `plainly_profile = "doc"` (TOML `+++` front matter).
pub fn front_matter_profile(source: &str, kind: FileKind) -> Result<Option<Profile>, FrontMatterError> {
    static KEY: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r#"(?m)^plainly_profile\s*[:=]\s*["']?(\w+)|^plainly:\s*\{\s*profile:\s*["']?(\w+)|^plainly:[ \t]*\r?\n[ \t]+profile:\s*["']?(\w+)"#,
        )
        .expect("static regex")
    });
    if kind != FileKind::Markdown {
        return Ok(None);
    }
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    let fence = if text.starts_with("---") {
        "---"
    } else if text.starts_with("+++") {
        "+++"
    } else {
        return Ok(None);
    };
    let Some(first_break) = text.find('\n') else { return Ok(None) };
    if text[..first_break].trim_end() != fence {
        return Ok(None);
    }
    let body_start = source.len() - text.len() + first_break + 1;
    let body = &source[body_start..];
    let end = body
        .match_indices('\n')
        .map(|(at, _)| at + 1)
        .chain(std::iter::once(0))
        .find(|&at| body[at..].starts_with(fence) || (fence == "---" && body[at..].starts_with("...")))
        .unwrap_or(body.len());
    let Some(captures) = KEY.captures(&body[..end]) else { return Ok(None) };
    let Some(name) = captures.iter().skip(1).flatten().next() else { return Ok(None) };
    if let Some(profile) = Profile::from_name(name.as_str()) {
        return Ok(Some(profile));
    }
    let span = Span::new(body_start + name.start(), body_start + name.end());
    let (line, column) = line_column_1(source, span.start);
    let message =
        format!("front matter asks for unknown profile {:?}; expected message, standup or doc", name.as_str());
    Err(FrontMatterError { span, line, column, message })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolver() -> Resolver {
        Resolver::new(crate::rules::catalogue(), Overrides::default())
    }

    #[test]
    fn front_matter_chooses_the_profile() {
        let md = FileKind::Markdown;
        assert_eq!(front_matter_profile("---\nplainly_profile: standup\n---\nx", md), Ok(Some(Profile::Standup)));
        assert_eq!(front_matter_profile("---\nplainly: {profile: doc}\n---\nx", md), Ok(Some(Profile::Doc)));
        assert_eq!(front_matter_profile("---\nplainly:\n  profile: message\n---\nx", md), Ok(Some(Profile::Message)));
        assert_eq!(front_matter_profile("+++\nplainly_profile = \"doc\"\n+++\nx", md), Ok(Some(Profile::Doc)));
        assert_eq!(front_matter_profile("---\ntitle: x\n---\nplainly_profile: doc", md), Ok(None));
        assert_eq!(front_matter_profile("---\nplainly_profile: doc\n---\nx", FileKind::Text), Ok(None));
    }

    #[test]
    fn an_unknown_profile_is_an_error_at_its_name() {
        let source = "\u{feff}---\ntitle: x\nplainly_profile: memo\n---\n";
        let err = front_matter_profile(source, FileKind::Markdown).unwrap_err();
        assert_eq!(err.span.slice(source), "memo");
        assert_eq!((err.line, err.column), (3, 18));
        assert_eq!(
            err.to_string(),
            "3:18: front matter asks for unknown profile \"memo\"; expected message, standup or doc"
        );
    }

    #[test]
    fn the_profile_comes_from_the_command_then_front_matter_then_the_kind() {
        let text = "---\nplainly_profile: standup\n---\nDone: x\n";
        let target = resolver().resolve(Origin::file(Path::new("notes.md"))).unwrap();
        assert_eq!((target.kind, target.profile(text)), (FileKind::Markdown, Ok(Profile::Standup)));
        assert_eq!(target.profile("# Notes\n"), Ok(Profile::Doc));
        let overrides = Overrides { profile: Some(Profile::Message), ..Overrides::default() };
        let forced = Resolver::new(crate::rules::catalogue(), overrides).resolve(Origin::file(Path::new("notes.md")));
        assert_eq!(forced.unwrap().profile(text), Ok(Profile::Message));
    }

    #[test]
    fn kinds_and_default_profiles_by_origin() {
        let workspace = Path::new(".");
        let cases = [
            (Origin::stdin(None), FileKind::Text, Profile::Message),
            (Origin::stdin(Some(Path::new("docs/a.md"))), FileKind::Markdown, Profile::Doc),
            (Origin::file(Path::new(".git/COMMIT_EDITMSG")), FileKind::Commit, Profile::Message),
            (Origin::buffer(None, "gitcommit", workspace), FileKind::Commit, Profile::Message),
            (Origin::buffer(Some(Path::new("/r/notes.md")), "plaintext", workspace), FileKind::Markdown, Profile::Doc),
            (Origin::buffer(None, "mail", workspace), FileKind::Email, Profile::Message),
            (Origin::buffer(None, "markdown", workspace), FileKind::Markdown, Profile::Doc),
        ];
        for (origin, kind, profile) in cases {
            let target = resolver().resolve(origin).unwrap();
            assert_eq!((target.kind, target.profile("text")), (kind, Ok(profile)), "{origin:?}");
        }
    }

    #[test]
    fn a_broken_config_is_an_error_or_the_defaults_with_the_error() {
        let dir = std::env::temp_dir().join(format!("plainly-resolve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("plainly.toml"), "[rules]\nno-such-rule = \"off\"\n").unwrap();
        let path = dir.join("a.txt");
        let mut resolver = resolver();
        assert!(matches!(resolver.resolve(Origin::file(&path)), Err(ResolveError::Config(_))));
        let (target, error) = resolver.resolve_or_default(Origin::file(&path));
        assert!(error.is_some_and(|err| err.message.contains("no-such-rule")));
        assert_eq!(target.config.as_deref(), Some(dir.join("plainly.toml").as_path()));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
