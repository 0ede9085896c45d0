//! The language server, `plainly lsp`: the CLI's engine and `plainly.toml`, live in an editor.
//!
//! One loop: block for a message, handle it and everything already queued behind it,
//! then check the documents that changed and publish their diagnostics. A burst of
//! keystrokes is one check, with no timers and no threads. Requests that read findings
//! (code actions, hover, the score lens) first check their own document if it changed,
//! so they always answer from findings that match the text, and never check twice.
//!
//! - `documents.rs`: open documents, incremental edits, cached findings;
//! - `convert.rs`: offsets ↔ positions in the negotiated encoding, diagnostics, URIs;
//! - `capabilities.rs`: what the client can do and what we offer it;
//! - `actions.rs`, `hover.rs`, `lens.rs`: what the editor shows from the cached findings;
//! - `transport.rs`: stdio framing that survives a bad frame.

mod actions;
mod capabilities;
mod convert;
mod documents;
mod hover;
mod lens;
mod transport;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionParams, CodeActionResponse, CodeLens, CodeLensParams, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileSystemWatcher, GlobPattern, Hover, HoverParams,
    InitializeParams, InlayHint, InlayHintParams, MessageType, PublishDiagnosticsParams, Registration,
    RegistrationParams, ShowMessageParams, Uri,
};

use crate::Profile;
use crate::config;
use crate::input::FileKind;
use crate::position::Encoding;
use crate::resolve::{Origin, Overrides, Resolver, is_config_file};

use actions::{ConfigTarget, EditSupport};
use capabilities::{ClientSupport, capabilities};
use documents::{OpenDocument, Setup};

pub use crate::engine::CheckFn;

/// Serves the LSP on stdin and stdout until the client says `exit`, and returns the exit
/// code: 0 after `shutdown` then `exit`, 1 otherwise.
pub fn main() -> ExitCode {
    // The engine compiles its regexes and phrase automata on first use, which takes
    // longer than checking a long document. Pay that while the client is still starting
    // up rather than when the writer opens their first document.
    std::thread::spawn(warm_up);
    let (connection, writer) = transport::stdio();
    let result = run(connection);
    // `run` has dropped the connection, so the writer ends once it has sent everything.
    if let Ok(Err(err)) = writer.join() {
        log(format_args!("writing to stdout failed: {err}"));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            log(format_args!("{err:#}"));
            ExitCode::from(1)
        }
    }
}

/// Runs the server on `connection` (stdio, or [`Connection::memory`] in tests) until
/// `exit`. An error means the session did not end with `shutdown` then `exit`.
pub fn run(connection: Connection) -> anyhow::Result<()> {
    serve(connection, None)
}

/// [`run`], checking documents with `check` every time instead of re-checking only what
/// an edit changed: tests pass one that panics to see the server survive it.
pub fn run_with(connection: Connection, check: CheckFn) -> anyhow::Result<()> {
    serve(connection, Some(check))
}

/// Serves the session, checking with `check`, or incrementally (each document keeps an
/// [`crate::engine::incremental::Incremental`]) when there is none.
fn serve(connection: Connection, check: Option<CheckFn>) -> anyhow::Result<()> {
    let (id, params) = read_initialize(&connection)?;
    let mut server = Server::new(&connection, check, &params);
    finish_initialize(&connection, id, &server)?;
    if server.client.watch_files {
        server.watch_configs();
    }
    loop {
        let Ok(first) = connection.receiver.recv() else {
            bail!("the client closed the connection without `exit`");
        };
        let mut next = Some(first);
        while let Some(message) = next {
            if server.handle(message) == Flow::Exit {
                if !server.shutting_down {
                    bail!("the client sent `exit` before `shutdown`");
                }
                return Ok(());
            }
            next = connection.receiver.try_recv().ok();
        }
        server.check_changed();
    }
}

/// Builds everything the engine builds lazily, for every kind of file and profile, before
/// the first document is opened.
fn warm_up() {
    crate::engine::warm_up(&[FileKind::Markdown, FileKind::Text, FileKind::Email, FileKind::Commit], &Profile::ALL);
}

/// Writes a line to stderr, the only place a language server may talk freely.
#[allow(clippy::print_stderr, reason = "stdout carries LSP frames; logs go to stderr")]
pub(crate) fn log(message: fmt::Arguments<'_>) {
    eprintln!("plainly lsp: {message}");
}

/// The client's `initialize` request. Until it comes, other requests are refused with
/// ServerNotInitialized and notifications and stray responses are dropped, as the
/// specification says; lsp-server's `initialize_start` would end the session at a
/// response instead. One whose params cannot be read is refused and the next awaited.
fn read_initialize(connection: &Connection) -> anyhow::Result<(RequestId, InitializeParams)> {
    loop {
        let Ok(message) = connection.receiver.recv() else {
            bail!("the client left before `initialize`");
        };
        let request = match message {
            Message::Request(request) => request,
            Message::Notification(notification) if notification.method == notif::Exit::METHOD => {
                bail!("the client sent `exit` before `initialize`");
            }
            Message::Notification(_) | Message::Response(_) => continue,
        };
        if request.method != req::Initialize::METHOD {
            let message = format!("`{}` before `initialize`", request.method);
            send(connection, Response::new_err(request.id, ErrorCode::ServerNotInitialized as i32, message));
            continue;
        }
        match serde_json::from_value::<InitializeParams>(request.params) {
            Ok(params) => return Ok((request.id, params)),
            Err(err) => {
                let message = format!("invalid initialize params: {err}");
                send(connection, Response::new_err(request.id, ErrorCode::InvalidParams as i32, message));
            }
        }
    }
}

/// Answers `initialize` with what this client gets from us, and waits for `initialized`.
fn finish_initialize(connection: &Connection, id: RequestId, server: &Server<'_>) -> anyhow::Result<()> {
    let result = serde_json::json!({
        "capabilities": capabilities(server.encoding, &server.client),
        "serverInfo": { "name": "plainly", "version": env!("CARGO_PKG_VERSION") },
    });
    if let Err(err) = connection.initialize_finish(id, result) {
        if err.channel_is_disconnected() {
            bail!("the client left during the handshake");
        }
        // A client that skips `initialized` loses that one message, not the session.
        log(format_args!("{err}"));
    }
    Ok(())
}

/// Whether the loop goes on after a message.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flow {
    Continue,
    Exit,
}

/// The session's state.
struct Server<'c> {
    connection: &'c Connection,
    /// `None`: each document's incremental check.
    check: Option<CheckFn>,
    encoding: Encoding,
    client: ClientSupport,
    /// The first workspace folder: where untitled buffers find their config and where a
    /// new `plainly.toml` goes.
    workspace: Option<PathBuf>,
    documents: HashMap<Uri, OpenDocument>,
    /// Finds and caches each document's config, kind and profile, as the CLI does.
    resolver: Resolver,
    /// The broken configs the writer has been told about, so each is said once.
    configs_shown: HashSet<String>,
    shutting_down: bool,
    requests_sent: u32,
}

impl<'c> Server<'c> {
    fn new(connection: &'c Connection, check: Option<CheckFn>, params: &InitializeParams) -> Server<'c> {
        #[allow(deprecated, reason = "older clients send only rootUri or rootPath")]
        let workspace = params
            .workspace_folders
            .as_ref()
            .and_then(|folders| folders.first())
            .and_then(|folder| convert::uri_to_path(&folder.uri))
            .or_else(|| params.root_uri.as_ref().and_then(convert::uri_to_path))
            .or_else(|| params.root_path.as_ref().map(PathBuf::from));
        Server {
            connection,
            check,
            encoding: convert::negotiate(
                params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_deref()),
                params.initialization_options.as_ref().and_then(|o| o.get("positionEncoding")?.as_str()),
            ),
            client: ClientSupport::new(&params.capabilities),
            workspace,
            documents: HashMap::new(),
            resolver: Resolver::new(crate::rules::catalogue(), Overrides::default()).naming_configs_absolutely(),
            configs_shown: HashSet::new(),
            shutting_down: false,
            requests_sent: 0,
        }
    }

    /// Handles one message. A panic in a handler is a bug in plainly, not the client's
    /// doing: it is logged, a request gets an error answer, and the session goes on.
    fn handle(&mut self, message: Message) -> Flow {
        let request_id = match &message {
            Message::Request(request) => Some(request.id.clone()),
            _ => None,
        };
        match panic::catch_unwind(AssertUnwindSafe(|| self.dispatch(message))) {
            Ok(flow) => flow,
            Err(panic) => {
                log(format_args!("a handler panicked: {}", panic_message(&*panic)));
                if let Some(id) = request_id {
                    let message = "plainly failed on this request; see its log".to_string();
                    send(self.connection, Response::new_err(id, ErrorCode::InternalError as i32, message));
                }
                Flow::Continue
            }
        }
    }

    fn dispatch(&mut self, message: Message) -> Flow {
        match message {
            Message::Request(request) => self.on_request(request),
            Message::Notification(notification) if notification.method == notif::Exit::METHOD => return Flow::Exit,
            Message::Notification(notification) => self.on_notification(notification),
            Message::Response(response) => {
                if let Err(err) = response.response_result {
                    log(format_args!("the client refused request {}: {}", response.id, err.message));
                }
            }
        }
        Flow::Continue
    }

    fn on_request(&mut self, request: Request) {
        if self.shutting_down {
            let message = "the server is shutting down".to_string();
            return send(self.connection, Response::new_err(request.id, ErrorCode::InvalidRequest as i32, message));
        }
        match request.method.as_str() {
            req::Shutdown::METHOD => {
                self.shutting_down = true;
                send(self.connection, Response::new_ok(request.id, ()));
            }
            req::CodeActionRequest::METHOD => self.answer::<req::CodeActionRequest>(request, Server::code_actions),
            req::HoverRequest::METHOD => self.answer::<req::HoverRequest>(request, Server::hover),
            req::CodeLensRequest::METHOD => self.answer::<req::CodeLensRequest>(request, Server::code_lens),
            req::InlayHintRequest::METHOD => self.answer::<req::InlayHintRequest>(request, Server::inlay_hints),
            req::Initialize::METHOD => {
                let message = "the server is already initialized".to_string();
                send(self.connection, Response::new_err(request.id, ErrorCode::InvalidRequest as i32, message));
            }
            method => {
                let message = format!("plainly does not handle {method}");
                send(self.connection, Response::new_err(request.id, ErrorCode::MethodNotFound as i32, message));
            }
        }
    }

    fn on_notification(&mut self, notification: Notification) {
        match notification.method.as_str() {
            notif::DidOpenTextDocument::METHOD => {
                self.notified::<notif::DidOpenTextDocument>(notification, Server::open)
            }
            notif::DidChangeTextDocument::METHOD => {
                self.notified::<notif::DidChangeTextDocument>(notification, Server::change);
            }
            notif::DidCloseTextDocument::METHOD => {
                self.notified::<notif::DidCloseTextDocument>(notification, Server::close);
            }
            notif::DidSaveTextDocument::METHOD => {
                self.notified::<notif::DidSaveTextDocument>(notification, Server::save)
            }
            notif::DidChangeWatchedFiles::METHOD => {
                self.notified::<notif::DidChangeWatchedFiles>(notification, Server::files_changed);
            }
            // Settings live in plainly.toml, shared with the CLI and CI, not in the editor;
            // `initialized`, `$/cancelRequest` (answers are immediate) and the rest need nothing.
            _ => {}
        }
    }

    /// Answers a request with `handler`, or with InvalidParams when its params don't parse.
    fn answer<R: req::Request>(&mut self, request: Request, handler: fn(&mut Server<'c>, R::Params) -> R::Result) {
        let id = request.id.clone();
        let response = match request.extract::<R::Params>(R::METHOD) {
            Ok((_, params)) => Response::new_ok(id, handler(self, params)),
            Err(err) => Response::new_err(id, ErrorCode::InvalidParams as i32, err.to_string()),
        };
        send(self.connection, response);
    }

    fn notified<N: notif::Notification>(
        &mut self,
        notification: Notification,
        handler: fn(&mut Server<'c>, N::Params),
    ) {
        match notification.extract::<N::Params>(N::METHOD) {
            Ok(params) => handler(self, params),
            Err(err) => log(format_args!("ignoring {}: {err}", N::METHOD)),
        }
    }

    fn open(&mut self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let path = convert::uri_to_path(&item.uri);
        let setup = self.setup(path.as_deref(), &item.language_id);
        let doc = OpenDocument::new(path, item.language_id, item.version, item.text, setup);
        self.documents.insert(item.uri, doc);
    }

    fn change(&mut self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let Some(doc) = self.documents.get_mut(&uri) else {
            return log(format_args!("ignoring a change to {}, which is not open", uri.as_str()));
        };
        doc.apply_changes(params.text_document.version, params.content_changes, self.encoding);
    }

    fn close(&mut self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if self.documents.remove(&uri).is_some() {
            // Diagnostics of a closed document would linger in the problems list.
            publish(self.connection, uri, Vec::new(), None);
        }
    }

    fn save(&mut self, params: DidSaveTextDocumentParams) {
        // Clients that cannot watch files still tell us when a config open in them is saved.
        if convert::uri_to_path(&params.text_document.uri).is_some_and(|path| self.changes_settings(&path)) {
            self.reload_configs();
        }
    }

    fn files_changed(&mut self, params: DidChangeWatchedFilesParams) {
        if params
            .changes
            .iter()
            .any(|change| convert::uri_to_path(&change.uri).is_some_and(|p| self.changes_settings(&p)))
        {
            self.reload_configs();
        }
    }

    /// Whether a change to the file at `path` may change what a config says: it is a
    /// config, or a rule file a config reads.
    fn changes_settings(&self, path: &Path) -> bool {
        is_config_file(path) || self.resolver.depends_on(path)
    }

    /// Reads every config again and re-checks every open document with what it now says.
    fn reload_configs(&mut self) {
        self.resolver.reload();
        // A config saved still broken is worth saying again.
        self.configs_shown.clear();
        let uris: Vec<Uri> = self.documents.keys().cloned().collect();
        for uri in uris {
            let Some(doc) = self.documents.get(&uri) else { continue };
            let (path, language_id) = (doc.path.clone(), doc.language_id.clone());
            let setup = self.setup(path.as_deref(), &language_id);
            if let Some(doc) = self.documents.get_mut(&uri) {
                doc.setup = setup;
                doc.needs_check = true;
            }
        }
    }

    /// Reads the configs again when one of their files changed on disk, or when a
    /// document about to be checked now has another config (one was created or deleted
    /// above it). Clients that watch files tell us sooner; this needs nothing from the
    /// client, at the cost of a few `stat`s per check.
    fn notice_config_changes(&mut self) {
        let moved = || {
            self.documents.values().filter(|doc| doc.needs_check).any(|doc| {
                let origin = Origin::buffer(doc.path.as_deref(), &doc.language_id, self.workspace_dir());
                self.resolver.nearest_config(origin.config_dir()) != doc.setup.target.config
            })
        };
        if self.resolver.changed_on_disk() || moved() {
            self.reload_configs();
        }
    }

    /// The folder whose config an untitled buffer uses: the workspace's.
    fn workspace_dir(&self) -> &Path {
        self.workspace.as_deref().unwrap_or(Path::new("."))
    }

    /// How to check a document, from the config nearest to it: the CLI's rule, with
    /// untitled buffers using the workspace's config. A broken config is reported once
    /// and the defaults apply.
    fn setup(&mut self, path: Option<&Path>, language_id: &str) -> Setup {
        let workspace = self.workspace.as_deref().unwrap_or(Path::new("."));
        let (target, error) = self.resolver.resolve_or_default(Origin::buffer(path, language_id, workspace));
        if let Some(err) = error {
            if self.configs_shown.insert(err.to_string()) {
                self.show_message(MessageType::ERROR, format!("plainly: {err} (checking with the default settings)"));
            }
        }
        Setup::new(path, language_id, target)
    }

    /// Checks every document that changed since its last check, and publishes.
    fn check_changed(&mut self) {
        self.notice_config_changes();
        let stale: Vec<Uri> =
            self.documents.iter().filter(|(_, doc)| doc.needs_check).map(|(uri, _)| uri.clone()).collect();
        for uri in stale {
            self.check_now(&uri);
        }
    }

    /// Checks one document if it changed, publishes its diagnostics with its version, and
    /// caches its findings. A check that panics costs that document its diagnostics until
    /// the next edit, not the session.
    fn check_now(&mut self, uri: &Uri) {
        let Some(doc) = self.documents.get_mut(uri) else { return };
        if !doc.needs_check {
            return;
        }
        doc.needs_check = false;
        if !doc.setup.lint {
            return;
        }
        let limit = doc.setup.target.settings.max_file_size;
        if doc.text.len() as u64 > limit {
            publish(self.connection, uri.clone(), Vec::new(), Some(doc.version));
            if !std::mem::replace(&mut doc.told_too_large, true) {
                let message = format!(
                    "plainly: {} is over the {limit}-byte limit and is not checked (raise `max-file-size` in plainly.toml)",
                    doc.path.as_deref().map_or(uri.as_str().into(), Path::to_string_lossy)
                );
                self.show_message(MessageType::WARNING, message);
            }
            return;
        }
        let profile = match doc.setup.target.profile(&doc.text) {
            Ok(profile) => profile,
            Err(err) => {
                // As the CLI does, the text is not checked; the error shows where it is written.
                let diagnostic = doc.lines(self.encoding).error(err.span, &err.message);
                publish(self.connection, uri.clone(), vec![diagnostic], Some(doc.version));
                // No check, no score: the lens must not show the last one.
                if doc.score.take().is_some() {
                    self.refresh_score();
                }
                return;
            }
        };
        let check = self.check;
        let (text, kind, settings) = (&doc.text, doc.setup.target.kind, &doc.setup.target.settings);
        let incremental = &mut doc.incremental;
        let checked = match panic::catch_unwind(AssertUnwindSafe(|| match check {
            Some(check) => check(text, kind, profile, settings),
            None => incremental.check(text, kind, profile, settings),
        })) {
            Ok(checked) => checked,
            Err(panic) => {
                log(format_args!(
                    "checking {} (version {}) panicked: {}; its diagnostics are left as they were",
                    uri.as_str(),
                    doc.version,
                    panic_message(&*panic)
                ));
                return;
            }
        };
        let lines = doc.lines(self.encoding);
        let findings = checked.findings.iter().map(|finding| lines.diagnostic(finding));
        // A typo in a suppression comment is shown where it is written.
        let warnings = checked.warnings.iter().map(|(span, message)| lines.warning(*span, message));
        let diagnostics = findings.chain(warnings).collect();
        publish(self.connection, uri.clone(), diagnostics, Some(doc.version));
        let score_changed = doc.score.as_deref() != Some(&lens::title(&checked));
        doc.score = Some(lens::title(&checked));
        doc.checked = Some(checked);
        if score_changed {
            self.refresh_score();
        }
    }

    /// Asks the client to fetch the score again, where it can be asked.
    fn refresh_score(&mut self) {
        if self.client.code_lens && self.client.code_lens_refresh {
            self.request::<req::CodeLensRefresh>(());
        } else if self.client.score_as_inlay_hint() && self.client.inlay_hint_refresh {
            self.request::<req::InlayHintRefreshRequest>(());
        }
    }

    fn code_actions(&mut self, params: CodeActionParams) -> Option<CodeActionResponse> {
        let wanted = |kind: &CodeActionKind| kind.as_str().is_empty() || kind == &CodeActionKind::QUICKFIX;
        if params.context.only.as_ref().is_some_and(|only| !only.iter().any(wanted)) {
            return Some(Vec::new());
        }
        let uri = params.text_document.uri;
        self.check_now(&uri);
        let doc = self.documents.get(&uri)?;
        let span = doc.lines(self.encoding).span(params.range);
        let config = self.config_target(doc);
        let support = EditSupport { document_changes: self.client.document_changes, encoding: self.encoding };
        Some(actions::code_actions(&uri, doc, span, &config, support))
    }

    /// Where "disable RULE in plainly.toml" writes for `doc`: the config it uses, or a new
    /// one at the workspace root when the client can create files and the document lies
    /// inside the workspace (so the new file applies to it).
    fn config_target(&self, doc: &OpenDocument) -> ConfigTarget {
        if let Some(path) = &doc.setup.target.config {
            let Some(uri) = convert::path_to_uri(path) else { return ConfigTarget::Nothing };
            if let Some(open) = self.documents.get(&uri) {
                return ConfigTarget::Edit { text: open.text.clone(), version: Some(open.version), uri };
            }
            return match std::fs::read_to_string(path) {
                Ok(text) => ConfigTarget::Edit { uri, text, version: None },
                Err(_) => ConfigTarget::Nothing,
            };
        }
        let Some(root) = &self.workspace else { return ConfigTarget::Nothing };
        let inside = doc.path.as_ref().is_none_or(|path| path.starts_with(root));
        match convert::path_to_uri(&root.join(config::CONFIG_NAMES[0])) {
            Some(uri) if inside && self.client.create_files => ConfigTarget::Create { uri },
            _ => ConfigTarget::Nothing,
        }
    }

    fn hover(&mut self, params: HoverParams) -> Option<Hover> {
        let at = params.text_document_position_params;
        self.check_now(&at.text_document.uri);
        let doc = self.documents.get(&at.text_document.uri)?;
        let lines = doc.lines(self.encoding);
        let offset = lines.offset(at.position);
        let format = &self.client.hover_format;
        let score = if self.client.shows_score() { None } else { hover::score(doc, offset, format) };
        let sections = [hover::findings(doc, offset, format), hover::clock_time(doc, offset, format), score];
        hover::hover(sections.into_iter().flatten().collect(), lines, format.clone())
    }

    fn code_lens(&mut self, params: CodeLensParams) -> Option<Vec<CodeLens>> {
        let uri = params.text_document.uri;
        self.check_now(&uri);
        let checked = self.documents.get(&uri)?.checked.as_ref()?;
        Some(vec![lens::code_lens(checked)])
    }

    fn inlay_hints(&mut self, params: InlayHintParams) -> Option<Vec<InlayHint>> {
        let uri = params.text_document.uri;
        self.check_now(&uri);
        let doc = self.documents.get(&uri)?;
        let checked = doc.checked.as_ref()?;
        if params.range.start.line > 0 {
            return Some(Vec::new());
        }
        let first_line = doc.index.line_span(&doc.text, 0).unwrap_or_default();
        Some(vec![lens::inlay_hint(checked, doc.lines(self.encoding).position(first_line.end))])
    }

    /// Asks the client to tell us when any `plainly.toml`, or any TOML file that may be a
    /// rule file a config names, changes.
    fn watch_configs(&mut self) {
        let watchers = config::CONFIG_NAMES
            .iter()
            .map(|name| format!("**/{name}"))
            .chain(["**/*.toml".to_string()])
            .map(|glob| FileSystemWatcher { glob_pattern: GlobPattern::String(glob), kind: None })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "plainly-config-watcher".to_string(),
            method: notif::DidChangeWatchedFiles::METHOD.to_string(),
            register_options: serde_json::to_value(options).ok(),
        };
        self.request::<req::RegisterCapability>(RegistrationParams { registrations: vec![registration] });
    }

    fn show_message(&self, typ: MessageType, message: String) {
        let params = ShowMessageParams { typ, message };
        send(self.connection, Notification::new(notif::ShowMessage::METHOD.to_string(), params));
    }

    /// Sends a request to the client; its answer is only logged if it is an error.
    fn request<R: req::Request>(&mut self, params: R::Params) {
        self.requests_sent += 1;
        let id = RequestId::from(format!("plainly-{}", self.requests_sent));
        send(self.connection, Request::new(id, R::METHOD.to_string(), params));
    }
}

fn publish(connection: &Connection, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
    let params = PublishDiagnosticsParams { uri, diagnostics, version };
    send(connection, Notification::new(notif::PublishDiagnostics::METHOD.to_string(), params));
}

/// Sends a message. The channel only closes when the client has gone, and then the
/// loop ends at its next `recv`, so a failed send needs no handling of its own.
fn send(connection: &Connection, message: impl Into<Message>) {
    let _ = connection.sender.send(message.into());
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic.downcast_ref::<&str>().copied().or_else(|| panic.downcast_ref::<String>().map(String::as_str)).unwrap_or("?")
}
