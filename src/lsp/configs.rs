//! The `plainly.toml` files open documents use: found as the CLI finds them, loaded
//! once, dropped when one changes on disk.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::config::{self, ConfigError, Settings};

/// Loaded configs by path, and the errors the writer has already been shown.
#[derive(Default)]
pub(crate) struct Configs {
    loaded: HashMap<PathBuf, Loaded>,
    defaults: Arc<Settings>,
    shown: HashSet<String>,
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

/// The config that applies in a folder.
pub(crate) struct Found {
    /// The config file, if there is one.
    pub path: Option<PathBuf>,
    /// Its settings, or the defaults when there is none or it is broken.
    pub settings: Arc<Settings>,
    /// Why it is broken, when it is and the writer has not been told yet.
    pub news: Option<ConfigError>,
}

impl Configs {
    /// The config for documents in `dir`: the nearest `plainly.toml` (or `.plainly.toml`)
    /// in it or a folder above it.
    pub fn for_dir(&mut self, dir: &Path) -> Found {
        let Some(path) = nearest(dir) else {
            return Found { path: None, settings: self.defaults.clone(), news: None };
        };
        let loaded = self.loaded.entry(path.clone()).or_insert_with(|| load(&path));
        match &loaded.settings {
            Ok(settings) => Found { path: Some(path), settings: settings.clone(), news: None },
            Err(err) => {
                let news = self.shown.insert(err.to_string()).then(|| err.clone());
                Found { path: Some(path), settings: self.defaults.clone(), news }
            }
        }
    }

    /// Whether a change to the file at `path` may change a loaded config: it is a rule
    /// file one of them reads, or some config is broken (the change may be its fix, say
    /// the rule file it could not find).
    pub fn depend_on(&self, path: &Path) -> bool {
        let same = |file: &PathBuf| {
            file == path || matches!((file.canonicalize(), path.canonicalize()), (Ok(a), Ok(b)) if a == b)
        };
        self.loaded.values().any(|loaded| match &loaded.settings {
            Ok(settings) => settings.rule_files.iter().any(same),
            Err(_) => path.extension().is_some_and(|ext| ext == "toml"),
        })
    }

    /// Whether a config or rule file read so far changed on disk since: the server's own
    /// look, for clients that do not watch files for it or whose watcher missed it.
    pub fn changed_on_disk(&self) -> bool {
        self.loaded.values().flat_map(|loaded| &loaded.files).any(|(path, was)| stamp(path) != *was)
    }

    /// Forgets every loaded config, so the next lookup reads the files again. Errors are
    /// forgotten too: a config saved still broken is worth saying again.
    pub fn reload(&mut self) {
        self.loaded.clear();
        self.shown.clear();
    }
}

/// The config that applies in `dir`, named whole (as messages in an editor should name
/// it; `discover` names it relative to the working folder when it can).
pub(crate) fn nearest(dir: &Path) -> Option<PathBuf> {
    let path = config::discover(dir)?;
    Some(std::path::absolute(&path).unwrap_or(path))
}

/// Reads the config at `path`, stamped before it is read, so that a change made while it
/// is read shows as a change.
fn load(path: &Path) -> Loaded {
    let stamped = stamp(path);
    let settings = Settings::load(path, crate::rules::catalogue()).map(Arc::new);
    let mut files = vec![(path.to_path_buf(), stamped)];
    if let Ok(settings) = &settings {
        // Rule files are read during `load`; a change between the two shows next time.
        files.extend(settings.rule_files.iter().map(|file| (file.clone(), stamp(file))));
    }
    Loaded { settings, files }
}

/// Whether `path` is named like a config file.
pub(crate) fn is_config(path: &Path) -> bool {
    path.file_name().and_then(|name| name.to_str()).is_some_and(|name| config::CONFIG_NAMES.contains(&name))
}
