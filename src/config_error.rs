//! An error in a file the user writes to configure plainly (`plainly.toml` or a rule
//! file), located at `path:line:col`.

use std::fmt;
use std::path::Path;

use crate::position::line_column_1;

/// A problem in a config or rule file, located at `path:line:col` (1-based; 0 when unknown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: String,
    /// 1-based line, or 0.
    pub line: usize,
    /// 1-based column in characters, or 0.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl ConfigError {
    /// An error at a known line and column.
    pub fn new(path: impl fmt::Display, line: usize, column: usize, message: String) -> ConfigError {
        ConfigError { path: path.to_string(), line, column, message }
    }

    /// An error at byte `offset` of `text`.
    pub fn at(path: &Path, text: &str, offset: usize, message: String) -> ConfigError {
        let (line, column) = line_column_1(text, offset);
        ConfigError::new(path.display(), line, column, message)
    }

    /// A TOML syntax or type error.
    pub fn from_toml(path: &Path, text: &str, err: &toml::de::Error) -> ConfigError {
        let message = err.message().trim().replace('\n', " ");
        match err.span() {
            Some(span) => ConfigError::at(path, text, span.start, message),
            None => ConfigError::new(path.display(), 0, 0, message),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(f, "{}:{}:{}: {}", self.path, self.line, self.column, self.message)
        }
    }
}

impl std::error::Error for ConfigError {}
