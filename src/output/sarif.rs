//! `--format sarif`: a SARIF 2.1.0 log, as GitHub code scanning and other SARIF viewers
//! read it: one run whose driver lists every rule (with its `explain` text as help), and
//! one result per finding with its region, fixes and baseline fingerprint.
//!
//! Columns count Unicode scalar values (`columnKind: unicodeCodePoints`), as in the JSON
//! format; `charOffset` and `charLength` count the same unit and, like columns, skip a BOM.
//! `endColumn` is exclusive, as SARIF defines it. Relative paths are relative to
//! `%SRCROOT%`, the folder plainly ran in.

use std::io::{self, Write};

use serde::Serialize;

use super::{Range, Report};
use crate::baseline;
use crate::finding::Severity;
use crate::rules::{self, RuleMeta};

/// The SARIF reporter.
pub struct Sarif;

/// Where the SARIF 2.1.0 schema is published; viewers use it to recognise the file.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where to read about plainly: the package's repository or homepage when Cargo.toml
/// names one, else its crates.io page.
fn information_uri() -> &'static str {
    [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|uri| !uri.is_empty())
        .unwrap_or("https://crates.io/crates/plainly")
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: [Invocation<'a>; 1],
    artifacts: Vec<Artifact<'a>>,
    results: Vec<SarifResult<'a>>,
    column_kind: &'static str,
}

/// The run itself: whether every input was checked, and a notification for each one
/// that was not.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation<'a> {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification<'a>>,
}

#[derive(Serialize)]
struct Notification<'a> {
    level: &'static str,
    message: Text,
    locations: [NotificationLocation<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationLocation<'a> {
    physical_location: NotificationPlace<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationPlace<'a> {
    artifact_location: Location<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Place>,
}

/// A line and column, for a problem in a config file.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Place {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Artifact<'a> {
    location: Location<'a>,
    properties: ArtifactProperties,
}

/// The clarity score and what it was computed over, for viewers that show properties.
#[derive(Serialize)]
struct ArtifactProperties {
    profile: crate::Profile,
    score: u8,
    words: usize,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: [ResultLocation<'a>; 1],
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
}

#[derive(Serialize)]
struct Fingerprints {
    /// The baseline fingerprint; the key's version follows the baseline file's, since
    /// both change together.
    #[serde(rename = "plainly/v1")]
    plainly: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultLocation<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: Location<'a>,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    char_offset: usize,
    char_length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Text,
    artifact_changes: [ArtifactChange<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: Location<'a>,
    replacements: [Replacement<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: InsertedContent<'a>,
}

#[derive(Serialize)]
struct InsertedContent<'a> {
    text: &'a str,
}

impl Report for Sarif {
    fn write(&self, out: &mut dyn Write, run: &super::Run) -> io::Result<()> {
        let reports = &run.files;
        let mut artifacts = Vec::with_capacity(reports.len());
        let mut results = Vec::new();
        for (index, report) in reports.iter().enumerate() {
            let location = artifact_location(&report.path, index);
            artifacts.push(Artifact {
                location: Location { index: None, ..location.clone() },
                properties: ArtifactProperties { profile: report.profile, score: report.score, words: report.words },
            });
            for (diagnostic, entry) in report.diagnostics.iter().zip(baseline::entries(report)) {
                let fixes = diagnostic
                    .fixes
                    .iter()
                    .map(|fix| SarifFix {
                        description: Text { text: fix.title.clone() },
                        artifact_changes: [ArtifactChange {
                            artifact_location: location.clone(),
                            replacements: [Replacement {
                                deleted_region: region(fix.range),
                                inserted_content: InsertedContent { text: &fix.replacement },
                            }],
                        }],
                    })
                    .collect();
                results.push(SarifResult {
                    rule_id: diagnostic.rule,
                    rule_index: rules::ALL.iter().position(|rule| rule.meta().id == diagnostic.rule),
                    level: level(diagnostic.severity),
                    message: Text { text: diagnostic.message.clone() },
                    locations: [ResultLocation {
                        physical_location: PhysicalLocation {
                            artifact_location: location.clone(),
                            region: region(diagnostic.range),
                        },
                    }],
                    partial_fingerprints: Fingerprints { plainly: entry.fingerprint },
                    fixes,
                });
            }
        }
        let notifications = run
            .errors
            .iter()
            .map(|error| Notification {
                level: "error",
                message: Text { text: error.message.clone() },
                locations: [NotificationLocation {
                    physical_location: NotificationPlace {
                        artifact_location: Location { index: None, ..artifact_location(&error.path, 0) },
                        region: error.line.map(|start_line| Place { start_line, start_column: error.column }),
                    },
                }],
            })
            .collect();
        let invocation =
            Invocation { execution_successful: run.errors.is_empty(), tool_execution_notifications: notifications };
        let run = Run {
            tool: Tool { driver: driver() },
            invocations: [invocation],
            artifacts,
            results,
            column_kind: "unicodeCodePoints",
        };
        serde_json::to_writer_pretty(&mut *out, &Log { schema: SCHEMA, version: "2.1.0", runs: [run] })?;
        writeln!(out)
    }
}

/// The driver with every rule, in registry order (`ruleIndex` points into it).
fn driver() -> Driver {
    let rules = rules::ALL
        .iter()
        .map(|rule| {
            let meta = rule.meta();
            let help = crate::docs::explain(meta);
            Rule {
                id: meta.id,
                name: rule_name(meta.id),
                short_description: Text { text: meta.summary.to_string() },
                full_description: Text { text: first_paragraph(meta) },
                help: Help { text: help.clone(), markdown: help },
                default_configuration: Configuration { level: level(meta.severity) },
            }
        })
        .collect();
    Driver { name: "plainly", version: env!("CARGO_PKG_VERSION"), information_uri: information_uri(), rules }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "note",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

fn region(range: Range) -> Region {
    Region {
        start_line: range.start.line,
        start_column: range.start.column,
        end_line: range.end.line,
        end_column: range.end.column,
        char_offset: range.start.char_offset,
        char_length: range.end.char_offset.saturating_sub(range.start.char_offset),
    }
}

/// The rule's `name`, an identifier for people: "no-deadline" → "NoDeadline". It must
/// differ from the id, which Microsoft's SARIF validator compares ignoring case
/// (SARIF1001), so a one-word id gets a noun: "jargon" → "JargonPhrase" (each one-word
/// rule reads a phrase list).
fn rule_name(id: &str) -> String {
    let name = pascal_case(id);
    if name.eq_ignore_ascii_case(id) { format!("{name}Phrase") } else { name }
}

/// "no-deadline" → "NoDeadline".
fn pascal_case(id: &str) -> String {
    id.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        })
        .collect()
}

/// The first paragraph of a rule's docs (under `## What it does`), on one line.
fn first_paragraph(meta: &RuleMeta) -> String {
    let lines = meta.docs.lines().map(str::trim).skip_while(|line| line.is_empty() || line.starts_with('#'));
    let paragraph: Vec<&str> = lines.take_while(|line| !line.is_empty() && !line.starts_with('#')).collect();
    if paragraph.is_empty() { meta.summary.to_string() } else { paragraph.join(" ") }
}

/// A report path as a SARIF artifact location: a relative path becomes a relative URI
/// under `%SRCROOT%`, an absolute one a `file:` URI.
fn artifact_location(path: &str, index: usize) -> Location<'static> {
    let path = path.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive = bytes.len() > 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    if path.starts_with('/') || drive {
        let (prefix, rest) = if drive { path.split_at(2) } else { ("", path.as_str()) };
        let slash = if drive { "/" } else { "" };
        return Location {
            uri: format!("file://{slash}{prefix}{}", encode_path(rest)),
            uri_base_id: None,
            index: Some(index),
        };
    }
    Location { uri: encode_path(&path), uri_base_id: Some("%SRCROOT%"), index: Some(index) }
}

/// Percent-encodes everything in a path that may not stand in a URI path as itself
/// (RFC 3986 `pchar` and `/`, minus `:`, which would read as a scheme).
fn encode_path(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&byte);
        if keep {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Format;
    use crate::output::testing::{render, sample};

    #[test]
    fn snapshot() {
        let text = render(Format::Sarif, &sample());
        // Every rule carries its whole `explain` text, which the rules' authors edit; the
        // snapshot keeps one rule with its texts elided (`rules_carry_their_docs` checks them).
        let mut log: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array_mut().expect("rules");
        assert_eq!(rules.len(), rules::ALL.len());
        rules.retain(|rule| rule["id"] == "jargon");
        rules[0]["fullDescription"]["text"] = "(the first paragraph of its docs)".into();
        rules[0]["help"]["text"] = "(plainly explain jargon)".into();
        rules[0]["help"]["markdown"] = "(plainly explain jargon)".into();
        insta::assert_snapshot!(serde_json::to_string_pretty(&log).expect("serializes"));
    }

    // Validity against the SARIF 2.1.0 schema is checked on real runs in tests/sarif.rs.

    #[test]
    fn what_could_not_be_checked_is_a_tool_execution_notification() {
        let text = crate::output::testing::render_run(Format::Sarif, &crate::output::testing::sample_with_errors());
        let log: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let invocation = &log["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false);
        let notifications = invocation["toolExecutionNotifications"].as_array().expect("notifications");
        assert_eq!(notifications.len(), 2);
        let config = &notifications[0];
        assert_eq!(config["level"], "error");
        assert_eq!(config["message"]["text"], "rule `long-sentence` has no option `max-wrds`");
        let place = &config["locations"][0]["physicalLocation"];
        assert_eq!(place["artifactLocation"]["uri"], "plainly.toml");
        assert_eq!(
            (place["region"]["startLine"].as_u64(), place["region"]["startColumn"].as_u64()),
            (Some(2), Some(19))
        );
        let binary = &notifications[1]["locations"][0]["physicalLocation"];
        assert_eq!(binary["artifactLocation"]["uri"], "logo,%20v2.txt");
        assert!(binary.get("region").is_none());
    }

    #[test]
    fn rules_carry_their_docs() {
        let driver = driver();
        for (rule, meta) in driver.rules.iter().zip(rules::ALL.iter().map(|r| r.meta())) {
            assert_eq!(rule.id, meta.id);
            assert!(!rule.full_description.text.is_empty(), "{}", meta.id);
            assert!(!rule.full_description.text.contains('\n'), "{}", meta.id);
            assert!(meta.docs.contains(rule.full_description.text.split(' ').next().unwrap_or_default()));
            assert_eq!(rule.help.markdown, crate::docs::explain(meta));
        }
        let time_zone = driver.rules.iter().find(|r| r.id == "time-zone").expect("registered");
        assert_eq!(time_zone.name, "TimeZone");
        // SARIF1001: a name equal to the id, ignoring case, is to be left out.
        for rule in &driver.rules {
            assert!(!rule.name.eq_ignore_ascii_case(rule.id), "{} is named {}", rule.id, rule.name);
            assert!(rule.name.starts_with(|c: char| c.is_ascii_uppercase()), "{}", rule.name);
            assert!(rule.name.chars().all(|c| c.is_ascii_alphanumeric()), "{}", rule.name);
        }
        let jargon = driver.rules.iter().find(|r| r.id == "jargon").expect("registered");
        assert_eq!(jargon.name, "JargonPhrase");
        assert!(
            time_zone.full_description.text.starts_with("Flags a clock time"),
            "{}",
            time_zone.full_description.text
        );
        assert!(
            time_zone.full_description.text.ends_with("names no time zone."),
            "{}",
            time_zone.full_description.text
        );
    }

    #[test]
    fn regions_count_code_points_and_skip_the_bom() {
        let source = "\u{feff}🚀 ASAP\n";
        let finding = crate::Finding::new(crate::Span::new(8, 12), "vague");
        let checked = crate::Checked {
            profile: crate::Profile::Message,
            findings: vec![crate::Finding { rule: "vague-deadline", ..finding }],
            score: 92,
            words: 2,
            warnings: Vec::new(),
            language: None,
        };
        let report = crate::output::FileReport::new("a.txt".into(), source, checked);
        let region = region(report.diagnostics[0].range);
        assert_eq!((region.start_line, region.start_column, region.end_column), (1, 3, 7));
        assert_eq!((region.char_offset, region.char_length), (2, 4));
    }

    #[test]
    fn paths_become_uris() {
        let uri = |path: &str| {
            let location = artifact_location(path, 0);
            (location.uri, location.uri_base_id)
        };
        assert_eq!(uri("docs/guide.md"), ("docs/guide.md".into(), Some("%SRCROOT%")));
        assert_eq!(uri("notes/a b%.md"), ("notes/a%20b%25.md".into(), Some("%SRCROOT%")));
        assert_eq!(uri("docs\\über.md"), ("docs/%C3%BCber.md".into(), Some("%SRCROOT%")));
        assert_eq!(uri("<stdin>"), ("%3Cstdin%3E".into(), Some("%SRCROOT%")));
        assert_eq!(uri("a:b.md"), ("a%3Ab.md".into(), Some("%SRCROOT%")));
        assert_eq!(uri("/home/sam/notes.md"), ("file:///home/sam/notes.md".into(), None));
        assert_eq!(uri("C:\\notes\\a.md"), ("file:///C:/notes/a.md".into(), None));
    }
}
