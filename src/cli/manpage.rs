//! `plainly manpage`: the man page in roff, from the same `clap` definitions that parse
//! the arguments. On stdout it is plainly(1); with `--dir` every command gets its page
//! (plainly.1, plainly-check.1, …), as `man plainly-check` expects.

use std::path::Path;

use anyhow::Context as _;
use clap::CommandFactory;

use super::{Cli, ExitStatus, write_stdout};

pub(super) fn run(dir: Option<&Path>) -> anyhow::Result<ExitStatus> {
    // `help` is a flag's job in a man page; without this plainly(1) would name a
    // plainly-help(1) that is never written.
    let command = Cli::command().disable_help_subcommand(true);
    match dir {
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create the folder", dir.display()))?;
            clap_mangen::generate_to(command, dir)
                .with_context(|| format!("{}: cannot write the man pages", dir.display()))?;
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command).render(&mut page)?;
            write_stdout(&String::from_utf8(page)?)?;
        }
    }
    Ok(ExitStatus::Clean)
}
