//! `plainly analyze FILE|-`: how plainly reads a message, sentence by sentence.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{ExitStatus, write_stdout};
use crate::Profile;
use crate::input;
use crate::output::RunError;
use crate::output::analysis::{self, MessageReading};
use crate::resolve::{Origin, Overrides, Resolver};

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
    let origin = if stdin { Origin::stdin(None) } else { Origin::file(&path) };
    let overrides = Overrides { profile: args.profile, reply: args.reply, ..Overrides::default() };
    let mut resolver = match &args.config {
        Some(config) => Resolver::with_config(crate::rules::catalogue(), overrides, config)?,
        None => Resolver::new(crate::rules::catalogue(), overrides),
    };
    let target = resolver.resolve(origin)?;
    let settings = &target.settings;
    let bytes = if stdin {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).map_err(|e| anyhow::anyhow!("{display}: cannot read: {e}"))?;
        bytes
    } else {
        input::read(&path, settings.max_file_size).map_err(|e| anyhow::anyhow!("{display}: {e}"))?
    };
    let text = input::decode(&bytes, settings.max_file_size).map_err(|e| anyhow::anyhow!("{display}: {e}"))?;
    let profile =
        target.profile(text).map_err(|err| anyhow::anyhow!("{}", RunError::resolving(&display, &err.into())))?;
    let kind = target.kind;
    let reading = MessageReading::new(&display, text, kind, profile, settings);
    let out = match args.format {
        AnalyzeFormat::Human => analysis::human(&reading),
        AnalyzeFormat::Json => analysis::json(&reading),
    };
    write_stdout(&out)?;
    Ok(ExitStatus::Clean)
}
