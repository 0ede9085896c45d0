//! The command line: argument parsing, the subcommands, exit codes.

#![allow(clippy::print_stderr)]

mod analyze;
mod check;
mod completions;
mod explain;
mod init;
mod list;
mod manpage;
mod serve;

use std::ffi::OsStr;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Parser, Subcommand};

pub use check::CheckArgs;

/// A writing-clarity linter for async work messages.
///
/// plainly checks chat drafts, emails, status updates and docs for what costs readers
/// in other time zones a round trip: a missing ask, no deadline, "3pm" without a zone,
/// a buried blocker, a call with no agenda, jargon, undefined acronyms.
#[derive(Parser, Debug)]
#[command(name = "plainly", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check files, folders, or a message on stdin.
    Check(CheckArgs),
    /// List every rule: id, profiles, default severity, summary.
    Rules,
    /// Show a rule's documentation: what, why, examples, options, score weight.
    Explain {
        /// The rule id, such as `no-deadline`.
        #[arg(value_parser = RuleId, hide_possible_values = true)]
        rule: String,
    },
    /// Write a commented starter `plainly.toml`.
    Init {
        /// Where to write it.
        #[arg(default_value = "plainly.toml")]
        path: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Serve the Language Server Protocol on stdin and stdout, for editors.
    Lsp,
    /// Show how plainly reads a message: each sentence's tags, mood, addressee and acts,
    /// and whether the message asks, by when, and whether it is only a greeting.
    Analyze(analyze::AnalyzeArgs),
    /// Serve LanguageTool's HTTP API (v2/check, v2/languages) and a page to check drafts
    /// in, on localhost: for LanguageTool's browser extension, LTeX and other clients.
    Serve(serve::ServeArgs),
    /// Print a shell completion script (see the README for where to put it).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page in roff: `plainly manpage > plainly.1`.
    Manpage {
        /// Write a page for every command (plainly.1, plainly-check.1, …) into this folder
        /// instead.
        #[arg(long, value_name = "FOLDER")]
        dir: Option<PathBuf>,
    },
}

/// A rule id for `explain`: any text is accepted (an unknown id gets plainly's own error,
/// which lists the rules), and shell completions offer the known ids.
#[derive(Clone, Debug)]
struct RuleId;

impl TypedValueParser for RuleId {
    type Value = String;

    fn parse_ref(&self, cmd: &clap::Command, arg: Option<&clap::Arg>, value: &OsStr) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            crate::rules::ALL.iter().map(|rule| PossibleValue::new(rule.meta().id).help(rule.meta().summary)),
        ))
    }
}

/// How a run ended, as an exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// Nothing at or above `--fail-on`, every score at or above `--min-score`: 0.
    Clean,
    /// Findings at or above `--fail-on`, or a score below `--min-score`: 1.
    Findings,
    /// A usage error, a broken config or an unreadable input: 2.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        match status {
            ExitStatus::Clean => ExitCode::from(0),
            ExitStatus::Findings => ExitCode::from(1),
            ExitStatus::Error => ExitCode::from(2),
        }
    }
}

/// Runs the command line and returns the process's exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Rules => write_stdout(&crate::docs::list()).map(|()| ExitStatus::Clean),
        Command::Explain { rule } => explain::run(&rule),
        Command::Init { path, force } => init::run(&path, force),
        Command::Lsp => return crate::lsp::main(),
        Command::Analyze(args) => analyze::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Completions { shell } => completions::run(shell),
        Command::Manpage { dir } => manpage::run(dir.as_deref()),
    };
    match result {
        Ok(status) => status.into(),
        Err(err) if is_broken_pipe(&err) => ExitCode::from(0),
        Err(err) => {
            eprintln!("plainly: {err:#}");
            ExitStatus::Error.into()
        }
    }
}

/// Writes text to stdout.
fn write_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// `plainly check … | head` closes the pipe early; that is not an error (ripgrep does the same).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| cause.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}
