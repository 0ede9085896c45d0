//! The clarity score at the top of the document: a code lens, or an inlay hint for
//! clients without code lenses.

use lsp_types::{CodeLens, Command, InlayHint, InlayHintLabel, Position, Range};

use crate::Checked;

/// "Clarity 84/100 · 3 findings".
pub(crate) fn title(checked: &Checked) -> String {
    let findings = match checked.findings.len() {
        0 => "no findings".to_string(),
        1 => "1 finding".to_string(),
        n => format!("{n} findings"),
    };
    format!("Clarity {}/100 · {findings}", checked.score)
}

/// The score as a lens on the first line. Its command does nothing: a lens with an
/// empty command id is shown as a label.
pub(crate) fn code_lens(checked: &Checked) -> CodeLens {
    let command = Command { title: title(checked), command: String::new(), arguments: None };
    CodeLens { range: Range::default(), command: Some(command), data: None }
}

/// The score as a hint at the end of the first line, which ends at `end_of_first_line`.
pub(crate) fn inlay_hint(checked: &Checked, end_of_first_line: Position) -> InlayHint {
    InlayHint {
        position: end_of_first_line,
        label: InlayHintLabel::String(title(checked)),
        kind: None,
        text_edits: None,
        tooltip: None,
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }
}
