//! `plainly check`: plan (find the inputs, resolve each one's settings) → check (in
//! parallel) → apply (`--fix`) → report (in a deterministic order, and the exit status).

use std::io::{self, IsTerminal, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use rayon::prelude::*;

use super::ExitStatus;
use crate::Profile;
use crate::baseline::{self, Baseline};
use crate::diff::{self, ChangedLines};
use crate::finding::Severity;
use crate::fix;
use crate::input::{self, FileKind};
use crate::output::{FileReport, Format, Run, RunError};
use crate::resolve::{Origin, Overrides, ResolveError, Resolver, Target};

/// Options of `plainly check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files and folders to check; `-` reads one message from stdin. Without paths,
    /// stdin is read when it is a pipe or a redirected file with content, and the current
    /// folder is checked otherwise (a terminal, /dev/null, a closed stdin).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Check every input with this profile, whatever the config or front matter says.
    #[arg(long, value_enum)]
    pub profile: Option<Profile>,
    /// Use this config file instead of looking for plainly.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Exit 1 when there is a finding at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning, value_name = "SEVERITY")]
    pub fail_on: FailOn,
    /// Exit 1 when any message scores below this.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_score: Option<u8>,
    /// The name stdin is checked as: its extension picks the kind, its folder the config.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    pub color: Color,
    /// Print only findings: no scores, no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Report only findings on lines changed since the merge base of REV and HEAD
    /// (committed, staged, unstaged and untracked changes); files with no changes are
    /// left out. A finding about the whole message is reported when its file changed.
    #[arg(long, value_name = "REV")]
    pub diff_base: Option<String>,
    /// Report only findings not recorded in this baseline file (see --write-baseline).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every finding in this baseline file instead of reporting them, so later runs
    /// with --baseline report only new ones.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "diff_base"])]
    pub write_baseline: Option<PathBuf>,
    /// Apply the fixes rules mark as safe (such as adding your time zone to "3pm"), writing
    /// each file atomically, then report what is left. A piped message is printed fixed,
    /// and its report goes to stderr.
    #[arg(long)]
    pub fix: bool,
    /// With --fix: print the fixes as a unified diff instead of writing them.
    #[arg(long, requires = "fix")]
    pub diff: bool,
    /// Your IANA time zone ("Europe/Berlin"), for times written without one; overrides
    /// `timezone` in plainly.toml's [team].
    #[arg(long, value_name = "ZONE")]
    pub timezone: Option<String>,
    /// Check every text as a reply to an earlier message, which needs no ask
    /// (`missing-ask` stays quiet): for a draft answering a thread.
    #[arg(long)]
    pub reply: bool,
}

/// The lowest severity that fails the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Any finding fails.
    Info,
    /// Warnings and errors fail.
    Warning,
    /// Only errors fail.
    Error,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Info => Severity::Info,
            FailOn::Warning => Severity::Warning,
            FailOn::Error => Severity::Error,
        }
    }
}

/// When to colour human output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Where a job's text comes from.
enum Source {
    File(PathBuf),
    Stdin(Vec<u8>),
}

/// One input to check.
struct Job {
    /// The path shown in output.
    display: String,
    source: Source,
    /// Its settings, kind and profile, as the resolver gives them.
    target: Target,
}

/// What a run does, decided before any text is checked: the inputs and how each is
/// checked, and the filters on what is reported.
struct Plan {
    jobs: Vec<Job>,
    /// `--baseline`: findings already known.
    known: Option<Baseline>,
    /// `--diff-base`: the lines changed.
    changed: Option<ChangedLines>,
}

/// What checking the plan's jobs found.
struct Outcome<'p> {
    /// The jobs checked, each with its report (filtered) and its fixes under `--fix`.
    checked: Vec<(&'p Job, FileReport, Option<Fixed>)>,
    failures: Failures,
}

pub(super) fn run(args: &CheckArgs) -> anyhow::Result<ExitStatus> {
    // The phrase lists, their automaton and the regular expressions are built on another
    // core while this one reads the config and the files and tags the words
    // (`engine::warm_up`); bench/README.md has what it saves.
    let profile = args.profile.unwrap_or(Profile::Message);
    std::thread::spawn(move || crate::engine::warm_up(&[FileKind::Text], &[profile]));
    let (plan, failures) = match plan(args)? {
        Ok(planned) => planned,
        Err(config) => {
            eprintln!("plainly: {config}");
            return Ok(ExitStatus::Error);
        }
    };
    let mut outcome = check(&plan, failures, args);
    let instead_of_report = if args.fix { apply(&outcome.checked, args, &mut outcome.failures) } else { None };
    report(args, outcome, instead_of_report)
}

/// Reads the filters and the config, finds the inputs and resolves each one's settings;
/// `Ok(Err(_))` when the config given with `--config` is broken, which checks nothing.
fn plan(args: &CheckArgs) -> anyhow::Result<Result<(Plan, Failures), ResolveError>> {
    // Both filters are read before any checking, so a bad baseline or revision costs no time.
    let known = args.baseline.as_deref().map(read_baseline).transpose()?;
    let changed = match &args.diff_base {
        Some(rev) => Some(ChangedLines::since(rev, Path::new("."))?),
        None => None,
    };
    if let Some(zone) = &args.timezone {
        if crate::team::Zone::get(zone).is_none() {
            anyhow::bail!("--timezone: unknown time zone {zone:?}; use an IANA name such as \"Europe/Berlin\"");
        }
    }
    let overrides = Overrides { profile: args.profile, timezone: args.timezone.clone(), reply: args.reply };
    let mut resolver = match &args.config {
        Some(path) => match Resolver::with_config(crate::rules::catalogue(), overrides, path) {
            Ok(resolver) => resolver,
            Err(err) => return Ok(Err(err)),
        },
        None => Resolver::new(crate::rules::catalogue(), overrides),
    };

    let mut jobs = Vec::new();
    let mut failures = Failures::default();
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        vec![PathBuf::from(if stdin_has_input() { "-" } else { "." })]
    } else {
        args.paths.clone()
    };
    if args.stdin_filename.is_some() && !paths.iter().any(|p| p == Path::new("-")) {
        eprintln!("plainly: --stdin-filename is ignored: stdin is not read when paths are given (add `-` to read it)");
    }
    for path in &paths {
        if path == Path::new("-") {
            let mut bytes = Vec::new();
            if let Err(err) = io::stdin().lock().read_to_end(&mut bytes) {
                failures.unchecked(RunError::new("<stdin>", format!("cannot read: {err}")));
                continue;
            }
            let name = args.stdin_filename.as_deref();
            let display = name.map_or_else(|| "<stdin>".to_string(), display);
            match resolver.resolve(Origin::stdin(name)) {
                Ok(target) => jobs.push(Job { display, source: Source::Stdin(bytes), target }),
                Err(err) => failures.unchecked(RunError::resolving(&display, &err)),
            }
        } else if path.is_dir() {
            walk(path, &mut resolver, &mut jobs, &mut failures);
        } else if path.exists() {
            match file_job(path, &mut resolver) {
                Ok(Some(job)) => jobs.push(job),
                Ok(None) => {}
                Err(err) => failures.unchecked(err),
            }
        } else {
            failures.unchecked(RunError::new(display(path), "no such file or folder"));
        }
    }
    jobs.sort_by(|a, b| a.display.cmp(&b.display));
    jobs.dedup_by(|a, b| a.display == b.display);
    if let Some(changed) = &changed {
        // A file the change did not touch would have every finding filtered out below.
        jobs.retain(|job| file_change(job, changed).is_some());
    }
    Ok(Ok((Plan { jobs, known, changed }, failures)))
}

/// Checks every job in parallel, and filters each report by `--diff-base` and
/// `--baseline`.
fn check<'p>(plan: &'p Plan, mut failures: Failures, args: &CheckArgs) -> Outcome<'p> {
    let results: Vec<Result<(FileReport, Option<Fixed>), RunError>> =
        plan.jobs.par_iter().map(|job| check_job(job, args)).collect();
    let mut checked = Vec::with_capacity(results.len());
    for (job, result) in plan.jobs.iter().zip(results) {
        match result {
            Ok((mut report, fixes)) => {
                if let Some(change) = plan.changed.as_ref().and_then(|changed| file_change(job, changed)) {
                    diff::filter(&mut report, change);
                }
                if let Some(known) = &plan.known {
                    known.filter(&mut report);
                }
                checked.push((job, report, fixes));
            }
            Err(err) => failures.unchecked(err),
        }
    }
    Outcome { checked, failures }
}

/// Writes the baseline, or prints the reports (or what `--fix` put instead of them), and
/// says how the run ends.
fn report(args: &CheckArgs, outcome: Outcome<'_>, instead_of_report: Option<String>) -> anyhow::Result<ExitStatus> {
    let Outcome { checked, mut failures } = outcome;
    let reports: Vec<FileReport> = checked.into_iter().map(|(_, report, _)| report).collect();
    // A broken config is one problem however many files it covers: say it once.
    failures.errors.sort();
    failures.errors.dedup();
    for error in &failures.errors {
        eprintln!("plainly: {error}");
    }
    let mut status = if failures.errors.is_empty() { ExitStatus::Clean } else { ExitStatus::Error };

    if let Some(path) = &args.write_baseline {
        write_baseline(path, &reports)?;
        return Ok(status);
    }

    let choice = match args.color {
        Color::Auto => anstream::ColorChoice::Auto,
        Color::Always => anstream::ColorChoice::Always,
        Color::Never => anstream::ColorChoice::Never,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(anstream::AutoStream::new(stdout.lock(), choice));
    let run = Run { files: reports, errors: failures.errors, unchecked: failures.unchecked, min_score: args.min_score };
    for report in &run.files {
        for (at, warning) in &report.warnings {
            eprintln!("plainly: {}:{}:{}: warning: {warning}", report.path, at.line, at.column);
        }
    }
    // A failed score gate says why, even under --quiet.
    for (_, why) in run.below_min_score() {
        eprintln!("plainly: {why}");
    }
    if args.fix {
        fix_notes(&run);
    }
    let written = match &instead_of_report {
        Some(text) => out.write_all(text.as_bytes()),
        None => args.format.reporter(args.quiet).write(&mut out, &run),
    };
    if instead_of_report.is_some() && !args.diff {
        // stdout carries the fixed message; what is left to fix goes to stderr.
        let mut err = io::BufWriter::new(anstream::AutoStream::new(io::stderr().lock(), choice));
        args.format.reporter(args.quiet).write(&mut err, &run).and_then(|()| err.flush())?;
    }
    // `plainly check … | head` closes stdout early. That is no error, and the exit code
    // still says what was found, whether or not the whole report fit in the pipe.
    match written.and_then(|()| out.flush()) {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {}
        written => written?,
    }
    if args.diff {
        // Like `cargo fmt --check`: a non-empty diff is a failure.
        let changed = instead_of_report.is_some_and(|diff| !diff.is_empty());
        return Ok(if changed { status.max(ExitStatus::Findings) } else { status });
    }

    let fail_on = args.fail_on.severity();
    let failed = run.files.iter().any(|r| {
        r.diagnostics.iter().any(|d| d.severity >= fail_on) || args.min_score.is_some_and(|min| r.score < min)
    });
    if failed {
        status = status.max(ExitStatus::Findings);
    }
    Ok(status)
}

/// Records every finding in the baseline at `path` (`--write-baseline`), and says how many.
fn write_baseline(path: &Path, reports: &[FileReport]) -> anyhow::Result<()> {
    let text = baseline::render(reports);
    std::fs::write(path, text).with_context(|| format!("{}: cannot write the baseline", display(path)))?;
    let findings: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
    let files = reports.iter().filter(|r| !r.diagnostics.is_empty()).count();
    eprintln!(
        "plainly: recorded {findings} finding{} in {files} file{} to {}",
        if findings == 1 { "" } else { "s" },
        if files == 1 { "" } else { "s" },
        display(path)
    );
    Ok(())
}

/// After `--fix`, says why time-zone findings are still there when plainly does not know
/// the writer's zone, since the fix adds it: otherwise `--fix` seems to do nothing.
fn fix_notes(run: &Run) {
    let unfixed = run.files.iter().flat_map(|r| &r.diagnostics).filter(|d| d.rule == "time-zone" && d.fixes.is_empty());
    let n = unfixed.count();
    if n > 0 {
        let findings = if n == 1 { "1 time-zone finding" } else { "time-zone findings" };
        eprintln!(
            "plainly: {}{findings} not fixed: the fix adds your time zone; give it with --timezone ZONE \
             (such as Europe/Berlin) or `timezone` under [team] in plainly.toml",
            if n == 1 { String::new() } else { format!("{n} ") }
        );
    }
}

/// What went wrong in a run, for stderr and the reports.
#[derive(Default)]
struct Failures {
    errors: Vec<RunError>,
    /// Inputs not checked; a broken config adds one per file under it, but one error.
    unchecked: usize,
}

impl Failures {
    /// An input that could not be checked.
    fn unchecked(&mut self, error: RunError) {
        self.errors.push(error);
        self.unchecked += 1;
    }
}

/// Whether stdin holds a message to check when no path is given: a pipe, or a file the
/// user redirected that has content. A terminal is not, and neither is `/dev/null` (a
/// character device), which cron, `ssh -n` and many CI runners give: there plainly checks
/// the current folder, as `--help` says. ripgrep decides the same way (grep-cli's
/// `is_readable_stdin`).
pub(super) fn stdin_has_input() -> bool {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let Ok(fd) = stdin.as_fd().try_clone_to_owned() else { return false };
        let Ok(meta) = std::fs::File::from(fd).metadata() else { return false };
        let kind = meta.file_type();
        kind.is_fifo() || kind.is_socket() || (kind.is_file() && meta.len() > 0)
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// Reads a baseline file; any problem is an error naming the file.
fn read_baseline(path: &Path) -> anyhow::Result<Baseline> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read the baseline", display(path)))?;
    // "base.json:3:5: …" when the problem has a place, as config errors print.
    Baseline::parse(&text).map_err(|err| {
        let separator = if err.line.is_some() { ":" } else { ": " };
        anyhow::anyhow!("{}{separator}{err}", display(path))
    })
}

/// How the job's file changed; stdin counts as wholly changed, since git cannot see it.
fn file_change<'a>(job: &Job, changed: &'a ChangedLines) -> Option<&'a diff::FileChange> {
    static STDIN: diff::FileChange = diff::FileChange::Untracked;
    match &job.source {
        Source::File(path) => changed.file(path),
        Source::Stdin(_) => Some(&STDIN),
    }
}

/// A file's text with the safe fixes applied (`--fix`).
struct Fixed {
    /// The bytes as read, so a file changed meanwhile is not overwritten.
    original: Vec<u8>,
    /// The fixed text.
    text: String,
    /// What each applied fix did.
    applied: Vec<String>,
}

/// Checks one job, and with `--fix` applies its safe fixes (the report then describes the
/// fixed text, unless `--diff` only shows them). An unreadable file or a crash in a rule
/// is an error line, not the end of the run.
fn check_job(job: &Job, args: &CheckArgs) -> Result<(FileReport, Option<Fixed>), RunError> {
    let fail = |message: String| RunError::new(&job.display, message);
    let bytes = match &job.source {
        Source::File(path) => input::read(path, job.target.settings.max_file_size).map_err(|e| fail(e.to_string()))?,
        Source::Stdin(bytes) => bytes.clone(),
    };
    let text = input::decode(&bytes, job.target.settings.max_file_size).map_err(|e| fail(e.to_string()))?;
    let profile = job.target.profile(text).map_err(|err| RunError::resolving(&job.display, &err.into()))?;
    let (kind, settings) = (job.target.kind, &job.target.settings);
    let run = |text: &str| {
        panic::catch_unwind(AssertUnwindSafe(|| crate::check(text, kind, profile, settings)))
            .map_err(|panic| fail(format!("internal error, please report it: {}", panic_message(&panic))))
    };
    let checked = run(text)?;
    if !args.fix {
        return Ok((FileReport::new(job.display.clone(), text, checked), None));
    }
    let Some((fixed, applied)) = fix::apply_safe(text, &checked.findings) else {
        return Ok((FileReport::new(job.display.clone(), text, checked), None));
    };
    let applied = applied.iter().map(|f| f.title.clone()).collect();
    let report = if args.diff {
        FileReport::new(job.display.clone(), text, checked)
    } else {
        FileReport::new(job.display.clone(), &fixed, run(&fixed)?)
    };
    Ok((report, Some(Fixed { original: bytes.clone(), text: fixed, applied })))
}

/// Writes, prints or diffs the fixes `--fix` made; returns what goes to stdout instead of
/// the report (the diff, or a piped message fixed), if anything.
fn apply(checked: &[(&Job, FileReport, Option<Fixed>)], args: &CheckArgs, failures: &mut Failures) -> Option<String> {
    let mut out = String::new();
    let mut replaces_report = args.diff;
    for (job, _, fixed) in checked {
        match (&job.source, fixed) {
            (Source::Stdin(bytes), _) if !args.diff => {
                // A piped message comes back fixed, as formatters do, so editors can pipe through plainly.
                replaces_report = true;
                match fixed {
                    Some(fixed) => {
                        out.push_str(&fixed.text);
                        fixed_note(&job.display, fixed);
                    }
                    None => out.push_str(&String::from_utf8_lossy(bytes)),
                }
            }
            (_, None) => {}
            (_, Some(fixed)) if args.diff => {
                let original = String::from_utf8_lossy(&fixed.original);
                out.push_str(&fix::unified_diff(&job.display, &original, &fixed.text));
            }
            (Source::File(path), Some(fixed)) => match fix::write_atomically(path, &fixed.original, &fixed.text) {
                Ok(()) => fixed_note(&job.display, fixed),
                Err(err) => failures.errors.push(RunError::new(&job.display, err.to_string())),
            },
            (Source::Stdin(_), Some(_)) => {}
        }
    }
    replaces_report.then_some(out)
}

/// Says on stderr what `--fix` changed in `display`: "plainly: notes.txt: fixed 2
/// findings: Replace with “use”; Add “UTC”".
fn fixed_note(display: &str, fixed: &Fixed) {
    let n = fixed.applied.len();
    let what = fixed.applied.join("; ");
    eprintln!("plainly: {display}: fixed {n} finding{}: {what}", if n == 1 { "" } else { "s" });
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a rule panicked".into())
}

/// The job for a file named on the command line or found by the walk; `None` when the
/// config excludes it.
fn file_job(path: &Path, resolver: &mut Resolver) -> Result<Option<Job>, RunError> {
    let display = display(path);
    let target = resolver.resolve(Origin::file(path)).map_err(|err| RunError::resolving(&display, &err))?;
    if target.settings.is_excluded(path, false) {
        return Ok(None);
    }
    Ok(Some(Job { display, source: Source::File(path.to_path_buf()), target }))
}

/// Walks a folder (honouring .gitignore, hidden files and the config's excludes) for
/// Markdown, text and email files.
fn walk(root: &Path, resolver: &mut Resolver, jobs: &mut Vec<Job>, failures: &mut Failures) {
    let root_settings = resolver.settings_for_dir(root).ok();
    let mut builder = ignore::WalkBuilder::new(root);
    builder.require_git(false).follow_links(false).sort_by_file_name(|a, b| a.cmp(b));
    if let Some(settings) = root_settings {
        builder.filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            entry.depth() == 0 || !settings.is_excluded(entry.path(), is_dir)
        });
    }
    for entry in builder.build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err_path(&err).unwrap_or_else(|| display(root));
                failures.unchecked(RunError::new(path, walk_error(&err)));
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        if FileKind::from_path(entry.path()).is_none() {
            continue;
        }
        match file_job(entry.path(), resolver) {
            Ok(Some(job)) => jobs.push(job),
            Ok(None) => {}
            Err(err) => failures.unchecked(err),
        }
    }
}

fn err_path(err: &ignore::Error) -> Option<String> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(display(path)),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => err_path(err),
        _ => None,
    }
}

fn walk_error(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_error(err),
        ignore::Error::Loop { .. } => "symbolic link loop; not followed".into(),
        ignore::Error::Io(io) => format!("cannot read: {io}"),
        other => other.to_string(),
    }
}

/// The path as shown in output: as given, without a leading `./`.
fn display(path: &Path) -> String {
    let text = path.to_string_lossy();
    text.strip_prefix("./").unwrap_or(&text).to_string()
}
