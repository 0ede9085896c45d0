//! `plainly completions SHELL`: a completion script for bash, zsh, fish, PowerShell or
//! Elvish, generated from the same `clap` definitions that parse the arguments, so it
//! can never fall behind them.

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, ExitStatus, write_stdout};

pub(super) fn run(shell: Shell) -> anyhow::Result<ExitStatus> {
    // clap_complete panics when its writer fails; a buffer cannot fail, and
    // `write_stdout` turns a closed pipe into an error like any other output.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "plainly", &mut script);
    write_stdout(&String::from_utf8(script)?)?;
    Ok(ExitStatus::Clean)
}
