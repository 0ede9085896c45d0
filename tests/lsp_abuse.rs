//! The language server under abuse: `plainly lsp` as a separate process, under
//! `ulimit -v` (see [`MEMORY_KB`]), fed garbage frames, random JSON-RPC, requests
//! before `initialize`, edits with out-of-range or reversed ranges, a thousand open
//! documents and a 10 MB document typed into. Each time it must keep answering, stay
//! inside its memory limit, and end with exit code 0 after `shutdown` and `exit`.
//! (`tests/lsp.rs` tests what the server does for a well-behaved editor.)

#![cfg(unix)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The address space the server may use: far above what any test here needs (a 10 MB
/// document peaks near 400 MB in a debug build), far below what a leak would take.
const MEMORY_KB: u64 = 2 * 1024 * 1024;

/// How long to wait for one answer; a debug build checks a 10 MB document in seconds.
const TIMEOUT: Duration = Duration::from_secs(120);

/// The editor's side of a `plainly lsp` process.
struct Editor {
    child: Child,
    /// `None` once closed.
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    next_id: i64,
    /// Notifications that arrived while waiting for something else.
    held: Vec<Value>,
}

impl Editor {
    /// Starts the server without the handshake.
    fn spawn() -> Editor {
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(format!("ulimit -v {MEMORY_KB} && exec \"$0\" lsp"))
            .arg(env!("CARGO_BIN_EXE_plainly"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("starts plainly lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(body) = read_frame(&mut reader) {
                let message = serde_json::from_slice(&body).expect("the server sends JSON");
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        Editor { child, stdin: Some(stdin), messages, next_id: 0, held: Vec::new() }
    }

    /// Starts the server and does the handshake, offering `encodings`.
    fn start(encodings: &[&str]) -> Editor {
        let mut editor = Editor::spawn();
        let capabilities = json!({ "general": { "positionEncodings": encodings } });
        let init = editor.request("initialize", json!({ "capabilities": capabilities }));
        assert!(init["result"]["capabilities"].is_object(), "{init}");
        editor.notify("initialized", json!({}));
        editor
    }

    fn write_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin.write_all(bytes).expect("the server reads stdin");
        stdin.flush().unwrap();
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.write_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns its response (with `result` or `error`).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.response(id)
    }

    /// Waits for the response to request `id`.
    fn response(&mut self, id: i64) -> Value {
        loop {
            let message = self.recv();
            if message.get("method").is_none() && message["id"] == id {
                return message;
            }
            self.hold(message);
        }
    }

    fn recv(&mut self) -> Value {
        self.messages.recv_timeout(TIMEOUT).expect("the server answers in time")
    }

    /// Keeps a notification for later and answers a request from the server.
    fn hold(&mut self, message: Value) {
        if message.get("method").is_none() {
            return;
        }
        if message.get("id").is_some() {
            self.send(&json!({ "jsonrpc": "2.0", "id": message["id"], "result": null }));
        } else {
            self.held.push(message);
        }
    }

    /// The next published diagnostics for `uri` whose version is `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let matches = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        };
        if let Some(i) = self.held.iter().position(matches) {
            return self.held.remove(i)["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let message = self.recv();
            if matches(&message) {
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.hold(message);
        }
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        let document = json!({ "uri": uri, "languageId": language, "version": 1, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": document }));
    }

    fn change(&mut self, uri: &str, version: i64, changes: Value) {
        let document = json!({ "uri": uri, "version": version });
        self.notify("textDocument/didChange", json!({ "textDocument": document, "contentChanges": changes }));
    }

    fn hover(&mut self, uri: &str, line: u32, character: u32) -> Value {
        let position = json!({ "line": line, "character": character });
        self.request("textDocument/hover", json!({ "textDocument": { "uri": uri }, "position": position }))
    }

    /// `shutdown`, `exit`, and the process's exit status.
    fn finish(mut self) -> ExitStatus {
        let answer = self.request("shutdown", Value::Null);
        assert_eq!(answer["result"], Value::Null, "{answer}");
        self.notify("exit", Value::Null);
        self.wait()
    }

    /// Closes stdin, as a client that goes away, and returns the process's exit status.
    fn close(mut self) -> ExitStatus {
        self.stdin = None;
        self.wait()
    }

    fn wait(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        // A failed test must not leave a server behind.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The body of the next frame, `None` at the end of the output.
fn read_frame(reader: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    Some(body)
}

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A JSON value of the shapes LSP params take, often almost right.
    fn value(&mut self, depth: usize) -> Value {
        let keys = [
            "textDocument",
            "uri",
            "position",
            "range",
            "start",
            "end",
            "line",
            "character",
            "contentChanges",
            "text",
            "version",
            "context",
            "diagnostics",
            "command",
            "arguments",
            "languageId",
        ];
        match self.below(if depth == 0 { 6 } else { 8 }) {
            0 => Value::Null,
            1 => json!(self.below(2) == 0),
            2 => json!(*self.pick(&[0i64, 1, -1, 7, i64::from(u32::MAX), i64::MAX, i64::MIN])),
            3 => json!(*self.pick(&[0.5, -0.0, 1e300])),
            4 => json!(*self.pick(&[
                "",
                "untitled:x",
                "file:///nonexistent/a.md",
                "markdown",
                "ASAP?",
                "\u{feff}😀\r\n"
            ])),
            5 => json!({ "line": self.below(5), "character": self.below(50) }),
            6 => Value::Array((0..self.below(4)).map(|_| self.value(depth - 1)).collect()),
            _ => {
                let mut object = serde_json::Map::new();
                for _ in 0..self.below(5) {
                    object.insert(self.pick(&keys).to_string(), self.value(depth - 1));
                }
                Value::Object(object)
            }
        }
    }
}

#[test]
fn garbage_frames_are_answered_or_skipped() {
    let mut editor = Editor::spawn();
    // Header lines that are not headers, a frame without a length, bodies that are not
    // JSON, JSON that is not JSON-RPC, and JSON-RPC with the wrong types.
    editor.write_raw(b"hello\r\nX-Nonsense\r\n\r\n");
    editor.write_raw(b"Content-Type: text/plain\r\n\r\n");
    editor.write_raw(b"Content-Length: twelve\r\n\r\n");
    for body in [
        &b"\xFF\xFE not json"[..],
        b"{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": 42}",
        b"[1, 2, 3]",
        b"{\"id\": {\"a\": 1}, \"method\": \"initialize\"}",
    ] {
        editor.write_raw(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
        editor.write_raw(body);
    }
    let capabilities = json!({ "general": { "positionEncodings": ["utf-8"] } });
    let init = editor.request("initialize", json!({ "capabilities": capabilities }));
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8", "{init}");
    editor.notify("initialized", json!({}));
    // A response to a request the server never sent is ignored.
    editor.send(&json!({ "jsonrpc": "2.0", "id": 99, "result": null }));
    editor.write_raw(b"Content-Length: 9\r\n\r\nnot json!");
    editor.open("untitled:a", "plaintext", "Can you review this ASAP?");
    assert!(!editor.diagnostics("untitled:a", 1).is_empty());
    assert!(editor.finish().success());
}

/// lsp-server's `initialize_start` gave up on any response before `initialize` ("expected
/// initialize request, got Response"), ending the session; JSON-RPC says to ignore it.
#[test]
fn a_stray_response_before_initialize_is_ignored() {
    let mut editor = Editor::spawn();
    editor.send(&json!({ "jsonrpc": "2.0", "id": 99, "result": null }));
    let init = editor.request("initialize", json!({ "capabilities": {} }));
    assert!(init["result"]["capabilities"].is_object(), "{init}");
    editor.notify("initialized", json!({}));
    assert!(editor.finish().success());
}

#[test]
fn requests_before_initialize_are_refused_and_the_session_goes_on() {
    let mut editor = Editor::spawn();
    editor.notify("textDocument/didOpen", json!({ "textDocument": { "uri": "untitled:a" } }));
    let early = editor.hover("untitled:a", 0, 0);
    assert_eq!(early["error"]["code"], -32002, "ServerNotInitialized: {early}");
    let init = editor.request("initialize", json!({ "capabilities": {} }));
    assert!(init["result"]["capabilities"].is_object(), "{init}");
    editor.notify("initialized", json!({}));
    let again = editor.request("initialize", json!({ "capabilities": {} }));
    assert!(again["error"].is_object(), "a second initialize is an error: {again}");
    editor.open("untitled:a", "plaintext", "Can you review this ASAP?");
    assert!(!editor.diagnostics("untitled:a", 1).is_empty());
    assert!(editor.finish().success());
}

#[test]
fn random_json_rpc_is_answered() {
    const METHODS: &[&str] = &[
        "textDocument/didOpen",
        "textDocument/didChange",
        "textDocument/didClose",
        "textDocument/didSave",
        "textDocument/hover",
        "textDocument/codeAction",
        "textDocument/codeLens",
        "textDocument/inlayHint",
        "textDocument/completion",
        "workspace/executeCommand",
        "workspace/didChangeWatchedFiles",
        "workspace/didChangeConfiguration",
        "$/cancelRequest",
        "$/setTrace",
        "no/such/method",
        "",
    ];
    let mut editor = Editor::start(&["utf-16"]);
    let mut random = Random(0x2545_f491_4f6c_dd1d);
    let mut pending = Vec::new();
    for _ in 0..2000 {
        let method = *random.pick(METHODS);
        let params = random.value(4);
        if random.below(2) == 0 {
            editor.next_id += 1;
            pending.push(editor.next_id);
            let id = editor.next_id;
            editor.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        } else {
            editor.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
        }
    }
    // Every request gets exactly one answer, in any order.
    let mut answered = Vec::new();
    while answered.len() < pending.len() {
        let message = editor.recv();
        if message.get("method").is_none() {
            answered.push(message["id"].as_i64().expect("a numeric id"));
        } else {
            editor.hold(message);
        }
    }
    answered.sort_unstable();
    assert_eq!(answered, pending);
    // And it still works.
    editor.open("untitled:after", "plaintext", "Can you review this ASAP?");
    assert!(!editor.diagnostics("untitled:after", 1).is_empty());
    assert!(editor.finish().success());
}

#[test]
fn edits_out_of_range_reversed_or_inside_a_character_are_clamped() {
    let uri = "untitled:clamped";
    let mut editor = Editor::start(&["utf-16"]);
    editor.open(uri, "plaintext", "Hi team 😀\n");
    let at = |line: u32, character: u32| json!({ "line": line, "character": character });
    let changes = json!([
        // Past the last line: the end of the text.
        { "range": { "start": at(99, 0), "end": at(99, 5) }, "text": "Can you ship it ASAP?" },
        // Reversed: read with its ends swapped.
        { "range": { "start": at(0, 2), "end": at(0, 0) }, "text": "Hello" },
        // Inside the emoji's surrogate pair: the emoji's start; past the line's end: its end.
        { "range": { "start": at(0, 12), "end": at(0, u32::MAX) }, "text": "!" },
    ]);
    editor.change(uri, 2, changes);
    // "Hello team !\nCan you ship it ASAP?"
    let found = editor.diagnostics(uri, 2);
    let vague = found.iter().find(|d| d["code"] == "vague-deadline").expect("ASAP is flagged");
    assert_eq!(vague["range"], json!({ "start": at(1, 16), "end": at(1, 20) }));
    let hover = editor.hover(uri, 1, 17);
    assert!(hover.get("result").is_some(), "{hover}");
    assert!(editor.finish().success());
}

#[test]
fn a_thousand_open_documents() {
    let mut editor = Editor::start(&["utf-8"]);
    for i in 0..1000 {
        editor.open(&format!("untitled:doc-{i}"), "plaintext", &format!("Can you review draft {i} ASAP?"));
    }
    for i in 0..1000 {
        assert!(!editor.diagnostics(&format!("untitled:doc-{i}"), 1).is_empty(), "doc-{i}");
    }
    let hover = editor.hover("untitled:doc-500", 0, 27);
    assert!(hover.get("result").is_some(), "{hover}");
    for i in 0..1000 {
        editor.notify("textDocument/didClose", json!({ "textDocument": { "uri": format!("untitled:doc-{i}") } }));
    }
    assert!(editor.finish().success());
}

#[test]
fn a_10_mb_document_typed_into() {
    let uri = "untitled:big";
    // A short message over a big pasted log: 10,000,000 bytes, under the 10 MiB limit.
    let head = "Can you look at this log ASAP?\n\n```\n";
    let log_line = "2026-11-03T10:02:11Z INFO worker=7 job=export rows=5120 elapsed_ms=88\n";
    let mut text = head.to_string();
    while text.len() + log_line.len() + 4 <= 10_000_000 {
        text.push_str(log_line);
    }
    text.push_str("```\n");
    while text.len() < 10_000_000 {
        text.push('\n');
    }
    let mut editor = Editor::start(&["utf-16"]);
    editor.open(uri, "markdown", &text);
    // Typing at the end of the first line, one keystroke per change, as fast as it goes.
    let typed = " Thanks!";
    for (i, c) in typed.chars().enumerate() {
        let at = json!({ "line": 0, "character": 30 + i });
        editor.change(uri, 2 + i as i64, json!([{ "range": { "start": at, "end": at }, "text": c.to_string() }]));
    }
    let last = 1 + typed.len() as i64;
    let found = editor.diagnostics(uri, last);
    assert!(found.iter().any(|d| d["code"] == "vague-deadline"), "{found:?}");
    let hover = editor.hover(uri, 0, 26);
    assert!(hover.get("result").is_some(), "{hover}");
    assert!(editor.finish().success());
}

#[test]
fn a_client_that_leaves_ends_the_session_with_code_1() {
    let mut editor = Editor::start(&[]);
    editor.open("untitled:a", "plaintext", "Can you review this ASAP?");
    assert_eq!(editor.close().code(), Some(1));
}

/// kak-lsp 16 ends a session with `exit` alone, without `shutdown` (its `stop_session`),
/// and closes the pipes only afterwards: the server must go at `exit`, not wait for its
/// input to close.
#[test]
fn exit_without_shutdown_ends_the_server_while_stdin_stays_open() {
    let mut editor = Editor::start(&[]);
    editor.open("untitled:a", "plaintext", "Can you review this ASAP?");
    editor.notify("exit", Value::Null);
    assert_eq!(editor.wait().code(), Some(1));
}

/// A client that said `shutdown` and then went away without `exit`.
#[test]
fn a_client_that_leaves_after_shutdown_ends_the_session() {
    let mut editor = Editor::start(&[]);
    editor.open("untitled:a", "plaintext", "Can you review this ASAP?");
    assert_eq!(editor.request("shutdown", Value::Null)["result"], Value::Null);
    assert_eq!(editor.close().code(), Some(1));
}

/// `src/lsp/transport.rs` once allocated a frame's whole `Content-Length` before reading
/// it, so one header (`Content-Length: 99999999999999`) aborted the server (SIGABRT)
/// instead of ending the session as for a client that left.
#[test]
fn a_huge_content_length_does_not_abort_the_server() {
    let mut editor = Editor::spawn();
    editor.write_raw(b"Content-Length: 99999999999999\r\n\r\n{}");
    let status = editor.close();
    assert_eq!(status.code(), Some(1), "{status:?}");
}
