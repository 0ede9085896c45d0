//! `plainly analyze FILE|-`: how plainly reads a message, sentence by sentence.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{ExitStatus, write_stdout};
use crate::config::{self, Profile, Settings};
use crate::input::{self, FileKind};
use crate::output::analysis::{self, MessageReading};

/// Options of `plainly analyze`.
#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    /// The message to read; `-` reads stdin, as does no path when stdin is a pipe.
    pub path: Option<PathBuf>,
    /// `human` (default) or `json`.
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Human)]
    pub format: AnalyzeFormat,
    /// Read it with this profile (default: as `plainly check` would).
    #[arg(long, value_enum)]
    pub profile: Option<Profile>,
    /// Use this config instead of finding `plainly.toml`.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Read it as a reply to an earlier message (see `plainly check --reply`).
    #[arg(long)]
    pub reply: bool,
}

/// Output formats of `plainly analyze`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AnalyzeFormat {
    /// One block per sentence, for people.
    Human,
    /// One JSON document, documented in the README.
    Json,
}

pub(super) fn run(args: &AnalyzeArgs) -> anyhow::Result<ExitStatus> {
    let path = match &args.path {
        Some(path) => path.clone(),
        None if super::check::stdin_has_input() => PathBuf::from("-"),
        None => anyhow::bail!("give a file to analyze, or pipe a message in (`pbpaste | plainly analyze`)"),
    };
    let stdin = path == Path::new("-");
    let display = if stdin { "<stdin>".to_string() } else { path.display().to_string() };
    let dir = if stdin { PathBuf::from(".") } else { path.parent().map_or(PathBuf::from("."), Path::to_path_buf) };
    let mut settings = match &args.config {
        Some(path) => Settings::load(path, crate::rules::catalogue())?,
        None => match config::discover(if dir.as_os_str().is_empty() { Path::new(".") } else { &dir }) {
            Some(path) => Settings::load(&path, crate::rules::catalogue())?,
            None => Settings::default(),
        },
    };
    settings.reply |= args.reply;
    let bytes = if stdin {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).map_err(|e| anyhow::anyhow!("{display}: cannot read: {e}"))?;
        bytes
    } else {
        input::read(&path, settings.max_file_size).map_err(|e| anyhow::anyhow!("{display}: {e}"))?
    };
    let text = input::decode(&bytes, settings.max_file_size).map_err(|e| anyhow::anyhow!("{display}: {e}"))?;
    let kind = if stdin { FileKind::Text } else { FileKind::for_named_file(&path) };
    let profile = match args.profile {
        Some(profile) => profile,
        None => config::front_matter_profile(text, kind)
            .map_err(|e| anyhow::anyhow!("{display}: {e}"))?
            .or_else(|| if stdin { None } else { settings.profile_for(&path) })
            .unwrap_or(if stdin { Profile::Message } else { Profile::default_for(kind) }),
    };
    let reading = MessageReading::new(&display, text, kind, profile, &settings);
    let out = match args.format {
        AnalyzeFormat::Human => analysis::human(&reading),
        AnalyzeFormat::Json => analysis::json(&reading),
    };
    write_stdout(&out)?;
    Ok(ExitStatus::Clean)
}
