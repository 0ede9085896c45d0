//! Documentation rendered from the rules' own metadata: `plainly explain`,
//! `plainly rules`, and the README's rule table. Pure functions over [`rules::ALL`].

use std::fmt::Write;

use crate::Profile;
use crate::rules::{self, RuleMeta};

/// The full documentation of one rule, as printed by `plainly explain RULE`.
pub fn explain(rule: &RuleMeta) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", rule.id);
    let _ = writeln!(out, "{}.\n", rule.summary);
    let _ = writeln!(out, "- Default severity: {}", severity(rule));
    let _ = writeln!(out, "- Profiles: {}", profiles(rule));
    let _ = writeln!(out, "- Score weight: {} points per finding (the clarity score starts at 100)", rule.weight);
    let _ = writeln!(
        out,
        "- Scope: {}\n",
        match rule.scope {
            rules::Scope::Text => "the text it points at",
            rules::Scope::Message => "the whole message (the finding points at an anchor)",
        }
    );
    let _ = writeln!(out, "{}\n", rule.docs.trim());
    let _ = writeln!(out, "## Options\n");
    let _ = writeln!(out, "In `plainly.toml`, under `[rules]`:\n");
    let _ =
        writeln!(out, "```toml\n[rules]\n{} = \"off\"          # or \"on\", \"info\", \"warning\", \"error\"", rule.id);
    if !rule.options.is_empty() {
        let values: Vec<String> = rule.options.iter().map(|o| format!("{} = {}", o.name, o.default)).collect();
        let _ = writeln!(out, "{} = {{ severity = \"{}\", {} }}", rule.id, rule.severity, values.join(", "));
    }
    let _ = writeln!(out, "```");
    for option in rule.options {
        let _ = writeln!(out, "\n- `{}` (default {}): {}", option.name, option.default, option.doc);
    }
    let _ = writeln!(out, "\n## Flagged\n");
    for example in rule.flagged {
        let _ = writeln!(out, "{}\n", quote(example));
    }
    let _ = writeln!(out, "## Fine\n");
    for example in rule.fine {
        let _ = writeln!(out, "{}\n", quote(example));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// `plainly rules`: one line per rule with its profiles, severity and summary, in
/// columns as wide as their widest cell.
pub fn list() -> String {
    let rows: Vec<[String; 4]> = rules::ALL
        .iter()
        .map(|rule| {
            let meta = rule.meta();
            [meta.id.to_string(), profiles(meta), severity(meta), meta.summary.to_string()]
        })
        .collect();
    let header = ["rule", "profiles", "severity", "summary"].map(String::from);
    let width = |column: usize| rows.iter().chain([&header]).map(|row| row[column].chars().count()).max().unwrap_or(0);
    let (id, profile, severity) = (width(0), width(1), width(2));
    let mut out = String::new();
    for [a, b, c, d] in std::iter::once(&header).chain(&rows) {
        let _ = writeln!(out, "{a:id$}  {b:profile$}  {c:severity$}  {d}");
    }
    out
}

/// The README's rule table (between `<!-- rules:start -->` and `<!-- rules:end -->`).
pub fn readme_table() -> String {
    let mut out = String::from("| rule | profiles | severity | weight | what it flags |\n|---|---|---|---:|---|\n");
    for rule in rules::ALL {
        let meta = rule.meta();
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            meta.id,
            profiles(meta),
            severity(meta),
            meta.weight,
            meta.summary.replace('|', "\\|")
        );
    }
    out
}

/// "warning", or "warning (info in doc)" where the `doc` profile's default differs.
fn severity(rule: &RuleMeta) -> String {
    match rule.doc_severity {
        Some(doc) if doc != rule.severity => format!("{} ({} in doc)", rule.severity.name(), doc.name()),
        _ => rule.severity.name().to_string(),
    }
}

/// "message, standup" (with "doc (off by default)" where the config may turn it on).
fn profiles(rule: &RuleMeta) -> String {
    let mut names: Vec<String> = rule.profiles.iter().map(|p| p.name().to_string()).collect();
    for profile in rule.optional_profiles {
        if *profile != Profile::Message || !rule.profiles.contains(profile) {
            names.push(format!("{} (opt-in)", profile.name()));
        }
    }
    names.join(", ")
}

/// An example as an indented block, so multi-line messages stay readable.
fn quote(example: &str) -> String {
    example.lines().map(|line| format!("    {line}")).collect::<Vec<_>>().join("\n")
}
