//! What the client can do, and what plainly offers it in return.

use lsp_types::{
    ClientCapabilities, CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CodeLensOptions,
    HoverProviderCapability, MarkupKind, OneOf, ResourceOperationKind, SaveOptions, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
};

use crate::position::Encoding;

use super::convert;

/// What plainly offers this client.
pub(crate) fn capabilities(encoding: Encoding, client: &ClientSupport) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(convert::encoding_kind(encoding)),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(false) })),
            ..TextDocumentSyncOptions::default()
        })),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_lens_provider: client.code_lens.then_some(CodeLensOptions { resolve_provider: Some(false) }),
        inlay_hint_provider: client.score_as_inlay_hint().then_some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// What the client can do, read once from its capabilities.
pub(crate) struct ClientSupport {
    /// It takes `workspace/didChangeWatchedFiles` registrations at run time.
    pub watch_files: bool,
    /// It takes `documentChanges` in workspace edits.
    pub document_changes: bool,
    /// It can create files from a workspace edit.
    pub create_files: bool,
    /// It shows code lenses.
    pub code_lens: bool,
    /// It re-asks for code lenses when told to.
    pub code_lens_refresh: bool,
    /// It shows inlay hints.
    pub inlay_hint: bool,
    /// It re-asks for inlay hints when told to.
    pub inlay_hint_refresh: bool,
    /// How it wants hovers written.
    pub hover_format: MarkupKind,
}

impl ClientSupport {
    /// Reads what the client can do from its capabilities.
    pub fn new(capabilities: &ClientCapabilities) -> ClientSupport {
        let workspace = capabilities.workspace.as_ref();
        let text = capabilities.text_document.as_ref();
        let edit = workspace.and_then(|w| w.workspace_edit.as_ref());
        let document_changes = edit.and_then(|e| e.document_changes).unwrap_or(false);
        let creates = edit
            .and_then(|e| e.resource_operations.as_ref())
            .is_some_and(|ops| ops.contains(&ResourceOperationKind::Create));
        ClientSupport {
            watch_files: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false),
            document_changes,
            create_files: document_changes && creates,
            code_lens: text.is_some_and(|t| t.code_lens.is_some()),
            code_lens_refresh: workspace
                .and_then(|w| w.code_lens.as_ref())
                .and_then(|c| c.refresh_support)
                .unwrap_or(false),
            inlay_hint: text.is_some_and(|t| t.inlay_hint.is_some()),
            inlay_hint_refresh: workspace
                .and_then(|w| w.inlay_hint.as_ref())
                .and_then(|c| c.refresh_support)
                .unwrap_or(false),
            hover_format: hover_format(text.and_then(|t| t.hover.as_ref()).and_then(|h| h.content_format.as_deref())),
        }
    }

    /// The score goes in a code lens where the client has them, else in an inlay hint.
    pub fn score_as_inlay_hint(&self) -> bool {
        !self.code_lens && self.inlay_hint
    }

    /// Whether it shows the score by itself, as a code lens or an inlay hint. Where it
    /// does not, hovering the first line shows it.
    pub fn shows_score(&self) -> bool {
        self.code_lens || self.inlay_hint
    }
}

/// The first format in the client's `hover.contentFormat` (its order of preference) that
/// plainly writes. A client that does not say gets Markdown, which most render and
/// which reads well enough as it is where they do not.
fn hover_format(offered: Option<&[MarkupKind]>) -> MarkupKind {
    let Some(offered) = offered else { return MarkupKind::Markdown };
    offered
        .iter()
        .find(|kind| matches!(kind, MarkupKind::Markdown | MarkupKind::PlainText))
        .cloned()
        .unwrap_or(MarkupKind::PlainText)
}
