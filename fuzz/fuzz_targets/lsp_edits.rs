//! Incremental edits through the language server, in process: arbitrary `didChange`
//! ranges (past the end, reversed, inside a character, in whichever encoding was
//! negotiated) are applied in order. The server never panics, answers a request after
//! the edits, ends cleanly on `shutdown` and `exit`, and every diagnostic it publishes
//! lies inside its version of the text, as the documented clamping rules (`src/lsp/
//! convert.rs`, `Lines::offset`) leave it.

#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use plainly::position::{Encoding, LineColumn, Positions};
use serde_json::{Value, json};

#[derive(Arbitrary, Debug)]
struct Session {
    /// Which position encodings the client offers.
    offer: u8,
    /// Which language the document is opened as.
    language: u8,
    text: String,
    /// `didChange` notifications, each with its changes.
    edits: Vec<Vec<Change>>,
    /// Where the final hover asks.
    probe: Point,
}

#[derive(Arbitrary, Debug)]
struct Change {
    /// `None`: the whole text is replaced.
    range: Option<(Point, Point)>,
    text: String,
}

/// A position; half the values are folded into a small text's range, the rest are kept
/// as they are (far past any end).
#[derive(Arbitrary, Debug, Clone, Copy)]
struct Point {
    line: u32,
    character: u32,
}

impl Point {
    fn lsp(self) -> (u32, u32) {
        if self.line < u32::MAX / 2 { (self.line % 6, self.character % 40) } else { (self.line, self.character) }
    }

    fn json(self) -> Value {
        let (line, character) = self.lsp();
        json!({ "line": line, "character": character })
    }
}

const URI: &str = "untitled:fuzz";

fuzz_target!(|session: Session| {
    let (offered, encoding): (&[&str], Encoding) = match session.offer % 4 {
        0 => (&[], Encoding::Utf16),
        1 => (&["utf-8", "utf-16"], Encoding::Utf8),
        2 => (&["utf-32"], Encoding::Utf32),
        _ => (&["utf-16"], Encoding::Utf16),
    };
    let language = ["markdown", "plaintext", "mail", "git-commit"][usize::from(session.language % 4)];

    // The texts the server should hold, by version.
    let mut versions = vec![session.text.clone()];
    for changes in &session.edits {
        let mut text = versions.last().expect("the opened text").clone();
        for change in changes {
            match change.range {
                Some((start, end)) => {
                    let (start, end) = (offset(&text, start, encoding), offset(&text, end, encoding));
                    text.replace_range(start.min(end)..start.max(end), &change.text);
                }
                None => text.clone_from(&change.text),
            }
        }
        versions.push(text);
    }

    let (server_side, client) = Connection::memory();
    let server = std::thread::spawn(move || plainly::lsp::run(server_side));
    let send = |message: Message| client.sender.send(message).expect("the server is running");
    let request = |id: i32, method: &str, params: Value| {
        send(Request::new(RequestId::from(id), method.to_string(), params).into());
    };
    let notify = |method: &str, params: Value| send(Notification::new(method.to_string(), params).into());

    let capabilities = json!({ "general": { "positionEncodings": offered } });
    request(1, "initialize", json!({ "capabilities": capabilities }));
    notify("initialized", json!({}));
    notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": language, "version": 0, "text": session.text } }),
    );
    for (version, changes) in session.edits.iter().enumerate() {
        let changes: Vec<Value> = changes
            .iter()
            .map(|change| match change.range {
                Some((start, end)) => {
                    json!({ "range": { "start": start.json(), "end": end.json() }, "text": change.text })
                }
                None => json!({ "text": change.text }),
            })
            .collect();
        notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": version + 1 }, "contentChanges": changes }),
        );
    }
    request(2, "textDocument/hover", json!({ "textDocument": { "uri": URI }, "position": session.probe.json() }));
    request(3, "shutdown", Value::Null);
    notify("exit", Value::Null);
    server.join().expect("the server did not panic").expect("the session ended with shutdown and exit");

    let mut answered = Vec::new();
    for message in client.receiver.try_iter() {
        match message {
            Message::Response(response) => {
                if response.id == RequestId::from(1) {
                    let result = response.response_result.as_ref().expect("initialized");
                    let chosen = &result["capabilities"]["positionEncoding"];
                    let name = match encoding {
                        Encoding::Utf8 => "utf-8",
                        Encoding::Utf16 => "utf-16",
                        Encoding::Utf32 => "utf-32",
                    };
                    assert_eq!(chosen, name);
                }
                answered.push(response.id);
            }
            Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
                let version = n.params["version"].as_u64().expect("diagnostics carry the version") as usize;
                let text = &versions[version];
                for diagnostic in n.params["diagnostics"].as_array().expect("a list") {
                    assert_inside(text, &diagnostic["range"], encoding);
                }
            }
            _ => {}
        }
    }
    assert_eq!(answered, [RequestId::from(1), RequestId::from(2), RequestId::from(3)]);
});

/// The byte offset of an LSP position under the server's documented rules: a line past
/// the end is the end of the text, a column past its line's end is the line's end, a
/// column inside a character is its start, and an editor counts a BOM as a column.
fn offset(text: &str, point: Point, encoding: Encoding) -> usize {
    let (line, mut column) = point.lsp();
    if line == 0 && text.starts_with('\u{feff}') {
        let bom = if encoding == Encoding::Utf8 { 3 } else { 1 };
        if column < bom {
            return 0;
        }
        column -= bom;
    }
    Positions::new(text).offset(text, LineColumn { line, column }, encoding).unwrap_or(text.len())
}

/// Asserts an LSP range is in order and names places that exist in `text`.
fn assert_inside(text: &str, range: &Value, encoding: Encoding) {
    let point = |at: &Value| (at["line"].as_u64().expect("a line"), at["character"].as_u64().expect("a character"));
    let (start, end) = (point(&range["start"]), point(&range["end"]));
    assert!(start <= end, "reversed range {range} in {text:?}");
    let positions = Positions::new(text);
    for (line, character) in [start, end] {
        let span = positions.line_span(text, line as u32).unwrap_or_else(|| panic!("line {line} of {text:?}"));
        let units: usize = span
            .slice(text)
            .chars()
            .map(|c| match encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
                Encoding::Utf32 => 1,
            })
            .sum();
        assert!(character as usize <= units, "{range} is past the end of line {line} in {text:?}");
    }
}
