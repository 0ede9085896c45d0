//! Reports: checked files with positions resolved, and the formats that print them.
//! Engines never print; only `output` and `cli` write to stdout and stderr.

pub mod analysis;
mod github;
mod gitlab;
mod human;
mod json;
mod sarif;
#[cfg(test)]
pub(crate) mod testing;

use std::io::{self, Write};

pub use crate::report::{Diagnostic, Excerpt, FileReport, FixReport, Position, Range};

pub use github::Github;
pub use gitlab::Gitlab;
pub use human::Human;
pub use json::Json;
pub use sarif::Sarif;

/// The output formats of `plainly check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source excerpts with the span underlined, the fix, and each file's score.
    Human,
    /// One JSON document (see the CLI contract).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// A GitLab Code Quality report (JSON).
    Gitlab,
}

/// Something that kept plainly from checking an input (an unreadable or binary file, a
/// path that does not exist, a broken config) or from writing a fix. Printed on stderr
/// as `plainly: {error}`, and listed by the JSON (`errors`), SARIF (tool execution
/// notifications) and GitHub (`::error`) reports.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct RunError {
    /// The file the problem is in, as reports name files: the input, or the config that
    /// applies to it.
    pub path: String,
    /// 1-based line in that file, when the problem has a place (a config error).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column, in characters, with `line`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong, one line.
    pub message: String,
}

impl RunError {
    /// A problem with the file at `path` as a whole.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> RunError {
        RunError { path: path.into(), line: None, column: None, message: message.into() }
    }
}

impl RunError {
    /// Why the input shown as `display` could not be resolved: a broken config is named
    /// by its own place, bad front matter by the input's.
    pub fn resolving(display: &str, err: &crate::resolve::ResolveError) -> RunError {
        match err {
            crate::resolve::ResolveError::Config(config) => config.into(),
            crate::resolve::ResolveError::FrontMatter(front) => RunError {
                path: display.to_string(),
                line: Some(front.line),
                column: Some(front.column),
                message: front.message.clone(),
            },
        }
    }
}

impl From<&crate::config::ConfigError> for RunError {
    fn from(err: &crate::config::ConfigError) -> RunError {
        let place = |n: usize| (n > 0).then_some(n);
        let (line, column) = (place(err.line), place(err.column).filter(|_| err.line > 0));
        RunError { path: err.path.clone(), line, column, message: err.message.clone() }
    }
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{}:{line}:{column}: {}", self.path, self.message),
            (Some(line), None) => write!(f, "{}:{line}: {}", self.path, self.message),
            _ => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// A whole run, ready to print: the checked files in path order, and what could not be
/// checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Run {
    /// Every checked file.
    pub files: Vec<FileReport>,
    /// What went wrong, sorted, each once.
    pub errors: Vec<RunError>,
    /// How many inputs were not checked: one broken config costs every file under it.
    pub unchecked: usize,
    /// `--min-score`: files scoring below it fail the run.
    pub min_score: Option<u8>,
}

impl Run {
    /// A run in which every input was checked.
    pub fn checked(files: Vec<FileReport>) -> Run {
        Run { files, ..Run::default() }
    }

    /// Why each file below `--min-score` fails: "notes.txt scores 84, below --min-score 90".
    pub fn below_min_score(&self) -> impl Iterator<Item = (&FileReport, String)> {
        let min = self.min_score.unwrap_or(0);
        self.files
            .iter()
            .filter(move |report| report.score < min)
            .map(move |report| (report, format!("{} scores {}, below --min-score {min}", report.path, report.score)))
    }
}

/// Diagnostics at each severity over all reports: `(info, warning, error)`.
pub fn totals(reports: &[FileReport]) -> (usize, usize, usize) {
    reports.iter().map(FileReport::counts).fold((0, 0, 0), |(i, w, e), (a, b, c)| (i + a, w + b, e + c))
}

/// "1 error, 2 warnings, 3 info", leaving out severities with none; empty for none at all.
pub fn count_phrase((info, warning, error): (usize, usize, usize)) -> String {
    let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
    let mut parts = Vec::new();
    if error > 0 {
        parts.push(plural(error, "error"));
    }
    if warning > 0 {
        parts.push(plural(warning, "warning"));
    }
    if info > 0 {
        parts.push(format!("{info} info"));
    }
    parts.join(", ")
}

/// The run's one-line summary: "checked 3 files: 4 warnings, 2 info; lowest clarity
/// 62/100 (notes/update.md)", or "checked 3 files: no findings", followed by "; 1 file
/// could not be checked" when one could not.
pub fn summary(run: &Run) -> String {
    let reports = &run.files;
    let files = plural(reports.len(), "file");
    let counts = count_phrase(totals(reports));
    let mut line = if counts.is_empty() {
        format!("checked {files}: no findings")
    } else {
        let lowest = reports.iter().min_by_key(|r| (r.score, &r.path)).expect("some report has findings");
        format!("checked {files}: {counts}; lowest clarity {}/100 ({})", lowest.score, lowest.path)
    };
    if run.unchecked > 0 {
        line.push_str(&format!("; {} could not be checked", plural(run.unchecked, "file")));
    } else if !run.errors.is_empty() {
        line.push_str(&format!("; {}", plural(run.errors.len(), "error")));
    }
    line
}

/// "notes/update.md: clarity 84/100 · 3 findings (2 warnings, 1 info)".
pub fn score_line(report: &FileReport) -> String {
    let n = report.diagnostics.len();
    let language = match report.language {
        Some(language) => format!(" · in {}: only rules that do not read English ran", language.name),
        None => String::new(),
    };
    if n == 0 {
        return format!("{}: clarity {}/100 · no findings{language}", report.path, report.score);
    }
    format!(
        "{}: clarity {}/100 · {} ({}){language}",
        report.path,
        report.score,
        plural(n, "finding"),
        count_phrase(report.counts())
    )
}

/// "1 file", "3 files".
fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

/// Writes reports in one format.
pub trait Report {
    /// Writes the whole run.
    fn write(&self, out: &mut dyn Write, run: &Run) -> io::Result<()>;
}

impl Format {
    /// The reporter for this format.
    pub fn reporter(self, quiet: bool) -> Box<dyn Report> {
        match self {
            Format::Human => Box::new(Human { quiet }),
            Format::Json => Box::new(Json),
            Format::Sarif => Box::new(Sarif),
            Format::Github => Box::new(Github { quiet }),
            Format::Gitlab => Box::new(Gitlab),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Format;
    use super::testing::{finding, render, report, sample};
    use crate::Profile;
    use crate::finding::Severity;

    #[test]
    fn human_snapshot() {
        insta::assert_snapshot!(render(Format::Human, &sample()));
    }

    #[test]
    fn json_snapshot() {
        insta::assert_snapshot!(render(Format::Json, &sample()));
    }

    #[test]
    fn what_could_not_be_checked_is_counted_and_listed() {
        let run = super::testing::sample_with_errors();
        let json: serde_json::Value =
            serde_json::from_str(&super::testing::render_run(Format::Json, &run)).expect("valid JSON");
        assert_eq!(
            json["errors"],
            serde_json::json!([
                {"path": "plainly.toml", "line": 2, "column": 19, "message": "rule `long-sentence` has no option `max-wrds`"},
                {"path": "logo, v2.txt", "message": "binary file (contains NUL bytes); not checked"}
            ])
        );
        assert_eq!(json["summary"]["unchecked"], 2);
        let human = super::testing::render_run(Format::Human, &run);
        assert!(human.ends_with("; 2 files could not be checked.\n"), "{human}");
        assert_eq!(run.errors[0].to_string(), "plainly.toml:2:19: rule `long-sentence` has no option `max-wrds`");
    }

    #[test]
    fn a_long_line_is_cut_around_the_span_and_keeps_its_column() {
        let line = format!("{}Ship it ASAP. {}\n", "Ünïcode prose here. ".repeat(150), "More prose. ".repeat(400));
        let found = finding(&line, "ASAP", "vague-deadline", Severity::Warning, "“ASAP” is not a time.");
        let reports = vec![report("long.txt", &line, Profile::Message, vec![found])];
        let excerpt = &reports[0].diagnostics[0].excerpt;
        assert!(excerpt.clipped && excerpt.text.len() <= 2 * 240 + 3, "{}", excerpt.text.len());
        assert_eq!(&excerpt.text[excerpt.span.range()], "ASAP");
        let column = 150 * "Ünïcode prose here. ".chars().count() + "Ship it ".len() + 1;
        let printed = render(Format::Human, &reports);
        assert!(printed.contains(&format!(" --> long.txt:1:{column}\n  |\n1 | ...")), "{printed}");
    }

    #[test]
    fn char_offsets_skip_the_bom_and_count_code_points() {
        let reports = sample();
        let guide = reports.iter().find(|r| r.path == "docs/guide.md").expect("in the sample");
        let leverage = &guide.diagnostics[0];
        assert_eq!(leverage.text, "leverage");
        // "# Guide\r\n\r\n🚀 We " is 16 code points; the rocket is one.
        assert_eq!((leverage.range.start.char_offset, leverage.range.end.char_offset), (16, 24));
        assert_eq!(leverage.range.start.column, 6);
    }
}
