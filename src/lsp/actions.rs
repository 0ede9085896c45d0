//! Code actions, from the findings cached by the last check (never a new check):
//! each finding's fixes, "disable RULE on this line", "disable RULE in plainly.toml".

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CreateFile, CreateFileOptions, DocumentChangeOperation,
    DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier, ResourceOp, TextDocumentEdit, TextEdit, Uri,
    WorkspaceEdit,
};

use crate::finding::Finding;
use crate::position::{Encoding, Positions};
use crate::span::Span;

use super::convert::Lines;
use super::documents::OpenDocument;

/// Where "disable RULE in plainly.toml" writes.
pub(crate) enum ConfigTarget {
    /// The config that applies to the document: its URI, its text, and the client's
    /// version when the client has it open.
    Edit { uri: Uri, text: String, version: Option<i32> },
    /// No config applies; create this one (at the workspace root).
    Create { uri: Uri },
    /// No config applies and none can be created.
    Nothing,
}

/// How the client takes edits.
#[derive(Clone, Copy)]
pub(crate) struct EditSupport {
    /// `documentChanges` (versioned edits) rather than `changes`.
    pub document_changes: bool,
    /// The negotiated encoding.
    pub encoding: Encoding,
}

/// The code actions for the findings that touch `span` in `doc`.
pub(crate) fn code_actions(
    uri: &Uri,
    doc: &OpenDocument,
    span: Span,
    config: &ConfigTarget,
    support: EditSupport,
) -> Vec<CodeActionOrCommand> {
    let Some(checked) = &doc.checked else { return Vec::new() };
    let lines = doc.lines(support.encoding);
    let touching: Vec<&Finding> =
        checked.findings.iter().filter(|f| f.span.start <= span.end && span.start <= f.span.end).collect();
    let mut actions = Vec::new();
    let document_edit = |edit: TextEdit| edit_document(uri, Some(doc.version), vec![edit], support);

    for finding in &touching {
        for (i, fix) in finding.fixes.iter().enumerate() {
            actions.push(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lines.diagnostic(finding)]),
                edit: Some(document_edit(lines.edit(fix.span, fix.replacement.clone()))),
                is_preferred: Some(i == 0),
                ..CodeAction::default()
            });
        }
    }

    let mut disabled_lines = Vec::new();
    for finding in &touching {
        let line = lines.position(finding.span.start).line;
        if disabled_lines.contains(&(finding.rule, line)) {
            continue;
        }
        disabled_lines.push((finding.rule, line));
        let (at, comment) = suppression_comment(&doc.text, &doc.index, line, finding.rule);
        actions.push(CodeAction {
            title: format!("Disable {} on this line", finding.rule),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![lines.diagnostic(finding)]),
            edit: Some(document_edit(lines.edit(Span::empty(at), comment))),
            ..CodeAction::default()
        });
    }

    let mut disabled_rules = Vec::new();
    for finding in &touching {
        if disabled_rules.contains(&finding.rule) {
            continue;
        }
        disabled_rules.push(finding.rule);
        if let Some(edit) = disable_in_config_edit(config, finding.rule, support) {
            actions.push(CodeAction {
                title: format!("Disable {} in plainly.toml", finding.rule),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lines.diagnostic(finding)]),
                edit: Some(edit),
                ..CodeAction::default()
            });
        }
    }
    actions.into_iter().map(CodeActionOrCommand::CodeAction).collect()
}

/// Where to insert, and the text of, `<!-- plainly-disable-next-line RULE -->` on its
/// own line above `line`, indented like it so it stays in the same list item or block.
pub(crate) fn suppression_comment(text: &str, index: &Positions, line: u32, rule: &str) -> (usize, String) {
    let line_span = index.line_span(text, line).unwrap_or(Span::empty(text.len()));
    let body = line_span.slice(text);
    let indent = &body[..body.len() - body.trim_start_matches([' ', '\t']).len()];
    let after = &text[line_span.end..];
    let line_break =
        if after.starts_with("\r\n") || (after.is_empty() && text.contains("\r\n")) { "\r\n" } else { "\n" };
    (line_span.start, format!("{indent}<!-- plainly-disable-next-line {rule} -->{line_break}"))
}

/// The edit that turns `rule` off in the config, if there is a config to edit or one
/// can be created.
fn disable_in_config_edit(config: &ConfigTarget, rule: &str, support: EditSupport) -> Option<WorkspaceEdit> {
    match config {
        ConfigTarget::Edit { uri, text, version } => {
            let (span, replacement) = disable_in_config(text, rule)?;
            let index = Positions::new(text);
            let lines = Lines { text, index: &index, encoding: support.encoding };
            Some(edit_document(uri, *version, vec![lines.edit(span, replacement)], support))
        }
        ConfigTarget::Create { uri } => {
            let create = ResourceOp::Create(CreateFile {
                uri: uri.clone(),
                options: Some(CreateFileOptions { overwrite: Some(false), ignore_if_exists: Some(true) }),
                annotation_id: None,
            });
            let (_, text) = disable_in_config("", rule)?;
            let write = TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri: uri.clone(), version: None },
                edits: vec![OneOf::Left(TextEdit { range: Default::default(), new_text: text })],
            };
            Some(WorkspaceEdit {
                document_changes: Some(DocumentChanges::Operations(vec![
                    DocumentChangeOperation::Op(create),
                    DocumentChangeOperation::Edit(write),
                ])),
                ..WorkspaceEdit::default()
            })
        }
        ConfigTarget::Nothing => None,
    }
}

fn edit_document(uri: &Uri, version: Option<i32>, edits: Vec<TextEdit>, support: EditSupport) -> WorkspaceEdit {
    if support.document_changes {
        let edit = TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier { uri: uri.clone(), version },
            edits: edits.into_iter().map(OneOf::Left).collect(),
        };
        WorkspaceEdit { document_changes: Some(DocumentChanges::Edits(vec![edit])), ..WorkspaceEdit::default() }
    } else {
        WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), ..WorkspaceEdit::default() }
    }
}

/// The bytes of a config's `text` to replace, and with what, so that `rule` is off:
/// its entry under `[rules]` becomes `RULE = "off"`, a `[rules.RULE]` table gets
/// `severity = "off"`, or the line is added under `[rules]` (created at the end when
/// missing). `None` when the config spells `rules` in a way this does not edit safely
/// (a dotted or inline table at the top level).
pub(crate) fn disable_in_config(text: &str, rule: &str) -> Option<(Span, String)> {
    let off = format!("{rule} = \"off\"");
    let line_break = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut table = String::new();
    let mut rules_header = None;
    let mut rule_header = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let line_span = Span::new(at, at + body.len());
        at += line.len();
        let code = body.split('#').next().unwrap_or("").trim();
        if code.starts_with('[') {
            table = code.trim_matches(['[', ']']).chars().filter(|c| !c.is_whitespace() && *c != '"').collect();
            if table == "rules" {
                rules_header = Some(line_span);
            } else if table == format!("rules.{rule}") {
                rule_header = Some(line_span);
            }
            continue;
        }
        let Some((key, _)) = code.split_once('=') else { continue };
        let key = key.trim().trim_matches(['"', '\'']);
        if table.is_empty() && (key == "rules" || key.starts_with("rules.")) {
            return None;
        }
        if (table == "rules" && key == rule) || (table == format!("rules.{rule}") && key == "severity") {
            let replacement = if table == "rules" { off.clone() } else { "severity = \"off\"".to_string() };
            return Some((line_span, replacement));
        }
    }
    let insert_after = |header: Span, line: &str| {
        if header.end == text.len() {
            (Span::empty(header.end), format!("{line_break}{line}{line_break}"))
        } else {
            let next_line = header.end + text[header.end..].find('\n').map_or(0, |i| i + 1);
            (Span::empty(next_line), format!("{line}{line_break}"))
        }
    };
    if let Some(header) = rule_header {
        return Some(insert_after(header, "severity = \"off\""));
    }
    if let Some(header) = rules_header {
        return Some(insert_after(header, &off));
    }
    // A blank line between the last table and the new one.
    let separator = match text {
        "" => String::new(),
        _ if text.ends_with('\n') => line_break.to_string(),
        _ => line_break.repeat(2),
    };
    Some((Span::empty(text.len()), format!("{separator}[rules]{line_break}{off}{line_break}")))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::Profile;
    use crate::config::Settings;
    use crate::rules;

    fn disabled(text: &str, rule: &str) -> String {
        let (span, replacement) = disable_in_config(text, rule).expect("an edit");
        let mut out = text.to_string();
        out.replace_range(span.start..span.end, &replacement);
        let settings =
            Settings::parse(Path::new("plainly.toml"), &out, crate::rules::catalogue()).expect("still a valid config");
        let meta = rules::by_id(rule).unwrap().meta();
        assert_eq!(settings.severity(meta, Profile::Message), None, "{rule} is off in:\n{out}");
        out
    }

    #[test]
    fn creates_the_rules_table() {
        assert_eq!(disabled("", "jargon"), "[rules]\njargon = \"off\"\n");
        assert_eq!(disabled("glossary = [\"KEP\"]", "jargon"), "glossary = [\"KEP\"]\n\n[rules]\njargon = \"off\"\n");
        assert_eq!(disabled("glossary = []\r\n", "hedge"), "glossary = []\r\n\r\n[rules]\r\nhedge = \"off\"\r\n");
    }

    #[test]
    fn adds_under_an_existing_rules_table() {
        let text = "[rules]\nhedge = \"info\"\n\n[profiles]\n\"a/**\" = \"doc\"\n";
        assert_eq!(
            disabled(text, "jargon"),
            "[rules]\njargon = \"off\"\nhedge = \"info\"\n\n[profiles]\n\"a/**\" = \"doc\"\n"
        );
        assert_eq!(disabled("[rules]", "jargon"), "[rules]\njargon = \"off\"\n");
    }

    #[test]
    fn replaces_an_existing_entry() {
        let text = "[rules]\nlong-sentence = { max-words = 25 } # team\n";
        assert_eq!(disabled(text, "long-sentence"), "[rules]\nlong-sentence = \"off\"\n");
        let text = "[rules.long-sentence]\nmax-words = 25\n";
        assert_eq!(disabled(text, "long-sentence"), "[rules.long-sentence]\nseverity = \"off\"\nmax-words = 25\n");
    }

    #[test]
    fn leaves_dotted_rules_alone() {
        assert_eq!(disable_in_config("rules.hedge = \"info\"\n", "jargon"), None);
    }

    #[test]
    fn suppression_comment_keeps_indent_and_line_breaks() {
        let text = "a\r\n  - we should circle back\r\n";
        let index = Positions::new(text);
        assert_eq!(
            suppression_comment(text, &index, 1, "jargon"),
            (3, "  <!-- plainly-disable-next-line jargon -->\r\n".to_string())
        );
        let text = "only line";
        assert_eq!(
            suppression_comment(text, &Positions::new(text), 0, "x").1,
            "<!-- plainly-disable-next-line x -->\n"
        );
    }
}
