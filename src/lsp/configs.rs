//! The `plainly.toml` files open documents use: found as the CLI finds them, loaded
//! once, dropped when one changes on disk.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, ConfigError, Settings};

/// Loaded configs by path, and the errors the writer has already been shown.
#[derive(Default)]
pub(crate) struct Configs {
    loaded: HashMap<PathBuf, Result<Arc<Settings>, ConfigError>>,
    defaults: Arc<Settings>,
    shown: HashSet<String>,
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
        let Some(path) = config::discover(dir) else {
            return Found { path: None, settings: self.defaults.clone(), news: None };
        };
        // `discover` names the file relative to the working folder when it can; messages
        // in an editor should name it whole.
        let path = std::path::absolute(&path).unwrap_or(path);
        let loaded = self.loaded.entry(path.clone()).or_insert_with(|| Settings::load(&path).map(Arc::new));
        match loaded {
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
        self.loaded.values().any(|loaded| match loaded {
            Ok(settings) => settings.rule_files.iter().any(same),
            Err(_) => path.extension().is_some_and(|ext| ext == "toml"),
        })
    }

    /// Forgets every loaded config, so the next lookup reads the files again. Errors are
    /// forgotten too: a config saved still broken is worth saying again.
    pub fn reload(&mut self) {
        self.loaded.clear();
        self.shown.clear();
    }
}

/// Whether `path` is named like a config file.
pub(crate) fn is_config(path: &Path) -> bool {
    path.file_name().and_then(|name| name.to_str()).is_some_and(|name| config::CONFIG_NAMES.contains(&name))
}
