//! The language server in process, over `Connection::memory()`: a test plays the editor.

use std::path::Path;
use std::thread::JoinHandle;
use std::time::Duration;

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{Value, json};

use plainly::lsp::CheckFn;

const TIMEOUT: Duration = Duration::from_secs(10);

/// The editor's side of a session.
struct Client {
    connection: Connection,
    server: Option<JoinHandle<anyhow::Result<()>>>,
    next_id: i32,
    /// Notifications that arrived while waiting for something else.
    held: Vec<Notification>,
    /// The server's `initialize` result.
    init: Value,
}

impl Client {
    /// Starts a server and does the handshake with these client capabilities.
    fn start(capabilities: Value, root: Option<&Path>) -> Client {
        Client::start_with(capabilities, root, plainly::check)
    }

    fn start_with(capabilities: Value, root: Option<&Path>, check: CheckFn) -> Client {
        Client::start_full(capabilities, root, check, Value::Null)
    }

    /// [`Client::start`] with the setup's `initializationOptions`.
    fn start_full(capabilities: Value, root: Option<&Path>, check: CheckFn, options: Value) -> Client {
        let (server_side, connection) = Connection::memory();
        let server = std::thread::spawn(move || plainly::lsp::run_with(server_side, check));
        let mut client = Client { connection, server: Some(server), next_id: 0, held: Vec::new(), init: Value::Null };
        let root_uri = root.map(|root| uri(&root.join("x")).trim_end_matches("/x").to_string());
        let folders = root_uri.as_ref().map(|uri| json!([{ "uri": uri, "name": "root" }]));
        client.init = client.request(
            "initialize",
            json!({
                "capabilities": capabilities,
                "rootUri": root_uri,
                "workspaceFolders": folders,
                "initializationOptions": options,
            }),
        );
        client.notify("initialized", json!({}));
        client
    }

    fn send(&self, message: impl Into<Message>) {
        self.connection.sender.send(message.into()).expect("server is running");
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(Notification::new(method.to_string(), params));
    }

    /// Sends a request and waits for its result (`Err` for an error answer).
    fn try_request(&mut self, method: &str, params: Value) -> Result<Value, (i32, String)> {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.send(Request::new(id.clone(), method.to_string(), params));
        loop {
            match self.recv() {
                Message::Response(response) if response.id == id => {
                    return response.response_result.map_err(|err| (err.code, err.message));
                }
                Message::Response(_) => {}
                Message::Notification(notification) => self.held.push(notification),
                Message::Request(request) => self.send(Response::new_ok(request.id, ())),
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.try_request(method, params).unwrap_or_else(|err| panic!("{method} failed: {err:?}"))
    }

    fn recv(&self) -> Message {
        self.connection.receiver.recv_timeout(TIMEOUT).expect("the server answers in time")
    }

    /// The next notification with this method, held or new.
    fn notification(&mut self, method: &str) -> Value {
        if let Some(i) = self.held.iter().position(|n| n.method == method) {
            return self.held.remove(i).params;
        }
        loop {
            match self.recv() {
                Message::Notification(n) if n.method == method => return n.params,
                Message::Notification(n) => self.held.push(n),
                Message::Request(request) => self.send(Response::new_ok(request.id, ())),
                Message::Response(_) => {}
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Published {
        loop {
            let params = self.notification("textDocument/publishDiagnostics");
            if params["uri"] == uri {
                return Published { version: params["version"].as_i64(), diagnostics: params["diagnostics"].clone() };
            }
        }
    }

    fn open(&mut self, uri: &str, language_id: &str, text: &str) -> Published {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": language_id, "version": 1, "text": text } }),
        );
        self.diagnostics(uri)
    }

    fn code_actions(&mut self, uri: &str, range: Value) -> Vec<Value> {
        let params = json!({ "textDocument": { "uri": uri }, "range": range, "context": { "diagnostics": [] } });
        self.request("textDocument/codeAction", params).as_array().cloned().unwrap_or_default()
    }

    /// Says `shutdown` and `exit`, and returns how the server ended.
    fn finish(mut self) -> anyhow::Result<()> {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().expect("the server thread did not panic")
    }
}

struct Published {
    version: Option<i64>,
    diagnostics: Value,
}

impl Published {
    fn codes(&self) -> Vec<String> {
        self.diagnostics.as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect()
    }

    fn with_code(&self, code: &str) -> Value {
        let found = self.diagnostics.as_array().unwrap().iter().find(|d| d["code"] == code);
        found.unwrap_or_else(|| panic!("no {code} diagnostic in {:#}", self.diagnostics)).clone()
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display()).replace(' ', "%20")
}

fn capabilities(encodings: &[&str]) -> Value {
    json!({
        "general": { "positionEncodings": encodings },
        "workspace": {
            "workspaceEdit": { "documentChanges": true, "resourceOperations": ["create"] },
            "didChangeWatchedFiles": { "dynamicRegistration": true },
        },
        "textDocument": { "codeLens": {}, "hover": {} },
    })
}

/// Column of byte `offset` in `text`'s line, counted in `encoding`: written without the
/// server's code, so the two can disagree.
fn column(text: &str, offset: usize, encoding: &str) -> u64 {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..offset];
    (match encoding {
        "utf-8" => prefix.len(),
        "utf-16" => prefix.encode_utf16().count(),
        _ => prefix.chars().count(),
    }) as u64
}

fn offset(text: &str, position: &Value, encoding: &str) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap();
    let line_start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut at = line_start;
    for ch in text[line_start..].chars() {
        if ch == '\n' || column(text, at, encoding) >= character {
            break;
        }
        at += ch.len_utf8();
    }
    at
}

/// `text` with a workspace edit's edits for `uri` applied, last first.
fn apply(text: &str, edit: &Value, uri: &str, encoding: &str) -> String {
    let mut edits: Vec<Value> = edit["documentChanges"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|change| change["textDocument"]["uri"] == uri)
        .flat_map(|change| change["edits"].as_array().cloned().unwrap_or_default())
        .chain(edit["changes"][uri].as_array().cloned().unwrap_or_default())
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(offset(text, &e["range"]["start"], encoding)));
    let mut out = text.to_string();
    for e in edits {
        let (start, end) = (offset(text, &e["range"]["start"], encoding), offset(text, &e["range"]["end"], encoding));
        out.replace_range(start..end, e["newText"].as_str().unwrap());
    }
    out
}

fn action<'a>(actions: &'a [Value], title: &str) -> &'a Value {
    actions.iter().find(|a| a["title"] == title).unwrap_or_else(|| {
        panic!("no action {title:?} in {:#?}", actions.iter().map(|a| &a["title"]).collect::<Vec<_>>())
    })
}

#[test]
fn utf8_offered_gets_utf8_and_nothing_offered_gets_utf16() {
    let client = Client::start(capabilities(&["utf-16", "utf-32", "utf-8"]), None);
    assert_eq!(client.init["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(client.init["capabilities"]["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(client.init["serverInfo"]["name"], "plainly");
    client.finish().unwrap();

    let client = Client::start(json!({}), None);
    assert_eq!(client.init["capabilities"]["positionEncoding"], "utf-16");
    client.finish().unwrap();

    let client = Client::start(capabilities(&["utf-16", "utf-32"]), None);
    assert_eq!(client.init["capabilities"]["positionEncoding"], "utf-32");
    client.finish().unwrap();
}

/// ALE counts columns in bytes and offers no encoding; its setup says so, and a quick
/// fix after an accent and an emoji lands where it should.
#[test]
fn a_client_that_offers_no_encoding_gets_the_one_its_setup_states() {
    let options = json!({ "positionEncoding": "utf-8" });
    let mut client = Client::start_full(json!({}), None, plainly::check, options);
    assert_eq!(client.init["capabilities"]["positionEncoding"], "utf-8");
    let uri = "untitled:ale";
    let text = "Café 🚀 launch: let's circle back on it by Friday 17:00 UTC.\n";
    let jargon = client.open(uri, "plaintext", text).with_code("jargon");
    let start = text.find("circle back").unwrap() as u64;
    assert_eq!(jargon["range"]["start"], json!({ "line": 0, "character": start }));
    assert_eq!(jargon["range"]["end"], json!({ "line": 0, "character": start + 11 }));
    let actions = client.code_actions(uri, jargon["range"].clone());
    let fix = action(&actions, "Replace with “follow up”");
    assert_eq!(apply(text, &fix["edit"], uri, "utf-8"), "Café 🚀 launch: let's follow up on it by Friday 17:00 UTC.\n");
    client.finish().unwrap();

    // Without it, UTF-16 as the protocol says.
    let mut client = Client::start(json!({}), None);
    assert_eq!(client.init["capabilities"]["positionEncoding"], "utf-16");
    let jargon = client.open(uri, "plaintext", text).with_code("jargon");
    assert_eq!(jargon["range"]["start"]["character"], column(text, start as usize, "utf-16"));
    client.finish().unwrap();
}

#[test]
fn ranges_are_exact_after_emoji_cjk_combining_marks_and_crlf() {
    let text = "Status 😀 日本 é\r\nSo we should circle back on this 👍🏽 and circle back again.\r\n";
    for encoding in ["utf-16", "utf-8", "utf-32"] {
        let mut client = Client::start(capabilities(&[encoding]), None);
        let published = client.open("untitled:emoji", "plaintext", text);
        let jargon: Vec<&Value> =
            published.diagnostics.as_array().unwrap().iter().filter(|d| d["code"] == "jargon").collect();
        let expected: Vec<usize> = text.match_indices("circle back").map(|(at, _)| at).collect();
        assert_eq!(jargon.len(), 2, "{encoding}: {:#}", published.diagnostics);
        for (diagnostic, at) in jargon.iter().zip(expected) {
            let range = &diagnostic["range"];
            assert_eq!(range["start"]["line"], 1);
            assert_eq!(range["start"]["character"], column(text, at, encoding), "{encoding}");
            assert_eq!(range["end"]["character"], column(text, at + "circle back".len(), encoding), "{encoding}");
            assert_eq!(diagnostic["source"], "plainly");
            assert_eq!(diagnostic["severity"], 3, "info is Information");
        }
        client.finish().unwrap();
    }
}

#[test]
fn incremental_edits_apply_in_order_and_diagnostics_move() {
    let mut client = Client::start(capabilities(&["utf-16"]), None);
    let uri = "untitled:edits";
    let first = client.open(uri, "markdown", "We should circle back.\n");
    assert_eq!(first.with_code("jargon")["range"]["start"], json!({ "line": 0, "character": 10 }));
    // The second change's range is in the text the first change made.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [
                { "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } }, "text": "# 😀 Notes\n" },
                { "range": { "start": { "line": 1, "character": 3 }, "end": { "line": 1, "character": 9 } }, "text": "must" },
            ],
        }),
    );
    let moved = client.diagnostics(uri);
    assert_eq!(moved.version, Some(2));
    assert_eq!(moved.with_code("jargon")["range"]["start"], json!({ "line": 1, "character": 8 }));
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 1, "character": 10 } }),
    );
    assert!(hover["contents"]["value"].as_str().unwrap().contains("**jargon**"), "{hover:#}");
    client.finish().unwrap();
}

#[test]
fn a_burst_of_changes_is_one_check() {
    // Everything is queued before the server starts, so it all arrives in one drain.
    let (server_side, connection) = Connection::memory();
    let client_send = |message: Message| connection.sender.send(message).unwrap();
    client_send(Request::new(1.into(), "initialize".into(), json!({ "capabilities": {} })).into());
    client_send(Notification::new("initialized".into(), json!({})).into());
    let uri = "untitled:burst";
    client_send(
        Notification::new(
            "textDocument/didOpen".into(),
            json!({ "textDocument": { "uri": uri, "languageId": "plaintext", "version": 1, "text": "" } }),
        )
        .into(),
    );
    for (version, letter) in (2..).zip("circle back".chars()) {
        let column = version - 2;
        let range = json!({ "start": { "line": 0, "character": column }, "end": { "line": 0, "character": column } });
        let params = json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "range": range, "text": letter.to_string() }] });
        client_send(Notification::new("textDocument/didChange".into(), params).into());
    }
    let server = std::thread::spawn(move || plainly::lsp::run_with(server_side, plainly::check));
    let mut client = Client { connection, server: Some(server), next_id: 100, held: Vec::new(), init: Value::Null };
    let published = client.diagnostics(uri);
    assert_eq!(published.version, Some(12), "one publish, for the last version");
    assert!(published.codes().contains(&"jargon".to_string()));
    // Anything else published would arrive before the answer to this.
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    assert!(client.held.iter().all(|n| n.method != "textDocument/publishDiagnostics"), "{:?}", client.held);
    client.notify("exit", Value::Null);
    client.server.take().unwrap().join().unwrap().unwrap();
}

#[test]
fn a_quick_fix_edit_gives_the_fixed_text() {
    for encoding in ["utf-16", "utf-8"] {
        let mut client = Client::start(capabilities(&[encoding]), None);
        let uri = "untitled:fix";
        let text = "😀 Let's circle back on pricing by Friday 17:00 UTC.\n";
        let published = client.open(uri, "plaintext", text);
        let jargon = published.with_code("jargon");
        let actions = client.code_actions(uri, jargon["range"].clone());
        let fix = action(&actions, "Replace with “follow up”");
        assert_eq!(fix["kind"], "quickfix");
        assert_eq!(fix["diagnostics"][0]["code"], "jargon");
        assert_eq!(apply(text, &fix["edit"], uri, encoding), "😀 Let's follow up on pricing by Friday 17:00 UTC.\n");
        client.finish().unwrap();
    }
}

#[test]
fn disable_on_this_line_inserts_the_comment_and_the_finding_goes() {
    let mut client = Client::start(capabilities(&["utf-16"]), None);
    let uri = "untitled:disable";
    let text = "- Shipped the importer.\n  - We should circle back on the export.\n";
    let published = client.open(uri, "markdown", text);
    let jargon = published.with_code("jargon");
    let actions = client.code_actions(uri, jargon["range"].clone());
    let disable = action(&actions, "Disable jargon on this line");
    let fixed = apply(text, &disable["edit"], uri, "utf-16");
    assert_eq!(
        fixed,
        "- Shipped the importer.\n  <!-- plainly-disable-next-line jargon -->\n  - We should circle back on the export.\n"
    );
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": fixed }] }),
    );
    let after = client.diagnostics(uri);
    assert!(!after.codes().contains(&"jargon".to_string()), "{:#}", after.diagnostics);
    client.finish().unwrap();
}

#[test]
fn an_unknown_rule_in_a_suppression_comment_is_a_warning_there() {
    let mut client = Client::start(capabilities(&["utf-16"]), None);
    let uri = "untitled:typo";
    let text = "<!-- plainly-disable-next-line jargn -->\nWe should circle back on the export.\n";
    let published = client.open(uri, "markdown", text);
    let diagnostics = published.diagnostics.as_array().unwrap();
    let typo = diagnostics.iter().find(|d| d["code"].is_null()).expect("a warning for the typo");
    assert_eq!(typo["severity"], 2);
    assert_eq!(typo["range"]["start"], json!({ "line": 0, "character": 0 }));
    assert_eq!(
        typo["message"],
        "unknown rule `jargn` in plainly-disable-next-line (did you mean `jargon`?); it turns nothing off"
    );
    // The typo turns nothing off.
    assert!(diagnostics.iter().any(|d| d["code"] == "jargon"));
    client.finish().unwrap();
}

#[test]
fn code_lens_shows_the_score() {
    let mut client = Client::start(capabilities(&["utf-16"]), None);
    let uri = "untitled:lens";
    let published = client.open(uri, "plaintext", "Can we hop on a quick call at 3pm to circle back?\n");
    let lenses = client.request("textDocument/codeLens", json!({ "textDocument": { "uri": uri } }));
    let title = lenses[0]["command"]["title"].as_str().unwrap().to_string();
    let count = published.diagnostics.as_array().unwrap().len();
    assert!(title.starts_with("Clarity ") && title.ends_with(&format!("/100 · {count} findings")), "{title}");
    assert_eq!(lenses[0]["range"]["start"], json!({ "line": 0, "character": 0 }));
    client.finish().unwrap();

    // Without code lenses, the score is an inlay hint.
    let mut client = Client::start(json!({ "textDocument": { "inlayHint": {} } }), None);
    assert!(client.init["capabilities"].get("codeLensProvider").is_none());
    client.open(uri, "plaintext", "All good here.\n");
    let range = json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 1, "character": 0 } });
    let hints = client.request("textDocument/inlayHint", json!({ "textDocument": { "uri": uri }, "range": range }));
    assert!(hints[0]["label"].as_str().unwrap().starts_with("Clarity "), "{hints:#}");
    client.finish().unwrap();
}

#[test]
fn hover_tells_why_and_the_weight() {
    let mut client = Client::start(capabilities(&["utf-16"]), None);
    let uri = "untitled:hover";
    client.open(uri, "plaintext", "Let's circle back on pricing by Friday 17:00 UTC.\n");
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 8 } }),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("**jargon**") && text.contains("−2 points"), "{text}");
    assert!(text.contains("Jargon sounds like it says something"), "{text}");
    assert_eq!(hover["range"]["start"]["character"], 6);
    let nothing = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 40 } }),
    );
    assert_eq!(nothing, Value::Null);
    client.finish().unwrap();
}

/// ALE and eglot without markdown-mode ask for plain text; Markdown's marks would show
/// as they are.
#[test]
fn hover_is_written_in_the_format_the_client_asks_for() {
    let dir = tempfile::tempdir().unwrap();
    let team = "[team]\ntimezone = \"Europe/Berlin\"\nzones = [\"Asia/Tokyo\"]\n";
    std::fs::write(dir.path().join("plainly.toml"), team).unwrap();
    let text = "Pricing\n\nLet's circle back on pricing at 3pm on 2026-12-02.\n";
    let doc = uri(&dir.path().join("note.txt"));
    let hover_at = |client: &mut Client, character: u64| {
        let position = json!({ "line": 2, "character": character });
        let hover =
            client.request("textDocument/hover", json!({ "textDocument": { "uri": doc }, "position": position }));
        (
            hover["contents"]["kind"].as_str().unwrap().to_string(),
            hover["contents"]["value"].as_str().unwrap().to_string(),
        )
    };
    for (offered, kind) in [(json!(["plaintext"]), "plaintext"), (json!(["plaintext", "markdown"]), "plaintext")] {
        let capabilities = json!({ "textDocument": { "hover": { "contentFormat": offered } } });
        let mut client = Client::start(capabilities, Some(dir.path()));
        client.open(&doc, "plaintext", text);
        let (shown_kind, jargon) = hover_at(&mut client, 8);
        assert_eq!(shown_kind, kind);
        assert!(jargon.starts_with("jargon (info, −2 points of the clarity score)\n\n“circle back”"), "{jargon}");
        assert!(jargon.ends_with("\n\nplainly explain jargon for more."), "{jargon}");
        let (_, time) = hover_at(&mut client, "Let's circle back on pricing at ".len() as u64);
        assert!(time.contains("\n\n---\n\n3pm CET on Wednesday, 2026-12-02:\n- Berlin: 3pm"), "{time}");
        assert!(!jargon.contains(['*', '`']) && !time.contains(['*', '`']), "{jargon}\n{time}");
        client.finish().unwrap();
    }
    let capabilities = json!({ "textDocument": { "hover": { "contentFormat": ["markdown", "plaintext"] } } });
    let mut client = Client::start(capabilities, Some(dir.path()));
    client.open(&doc, "plaintext", text);
    let (kind, jargon) = hover_at(&mut client, 8);
    assert_eq!(kind, "markdown");
    assert!(
        jargon.starts_with("**jargon** (info") && jargon.ends_with("`plainly explain jargon` for more."),
        "{jargon}"
    );
    client.finish().unwrap();
}

/// Neovim before 0.10, eglot, ALE and Helix show no code lens: the score is on the
/// first line's hover there, and only there.
#[test]
fn hovering_the_first_line_shows_the_score_where_the_client_shows_it_nowhere_else() {
    let text = "Pricing review\n\nCan you check the numbers by Friday 17:00 UTC? We should circle back on the rest.\n";
    let hover_at = |client: &mut Client, line: u64, character: u64| {
        let position = json!({ "line": line, "character": character });
        client
            .request("textDocument/hover", json!({ "textDocument": { "uri": "untitled:score" }, "position": position }))
    };
    let mut client = Client::start(json!({}), None);
    let count = client.open("untitled:score", "plaintext", text).diagnostics.as_array().unwrap().len();
    let hover = hover_at(&mut client, 0, 3);
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert_eq!(count, 1);
    assert!(shown.starts_with("**Clarity ") && shown.ends_with("/100 · 1 finding**"), "{shown}");
    assert_eq!(
        hover["range"],
        json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 14 } })
    );
    // Elsewhere a hover is about what is under the cursor.
    assert_eq!(hover_at(&mut client, 2, 3), Value::Null);
    let jargon = hover_at(&mut client, 2, 60);
    assert!(!jargon["contents"]["value"].as_str().unwrap().contains("Clarity"), "{jargon}");
    client.finish().unwrap();

    // With code lenses (or inlay hints) the score is there, not in hovers.
    for shows in [json!({ "codeLens": {} }), json!({ "inlayHint": {} })] {
        let mut client = Client::start(json!({ "textDocument": shows }), None);
        client.open("untitled:score", "plaintext", text);
        assert_eq!(hover_at(&mut client, 0, 3), Value::Null);
        client.finish().unwrap();
    }
}

#[test]
fn team_time_hover_shows_every_zone_and_the_quick_fix_adds_the_writers_zone() {
    let dir = tempfile::tempdir().unwrap();
    let team = "[team]\ntimezone = \"Europe/Berlin\"\nzones = [\"America/Los_Angeles\", \"Asia/Tokyo\"]\n";
    std::fs::write(dir.path().join("plainly.toml"), team).unwrap();
    let mut client = Client::start(capabilities(&["utf-16"]), Some(dir.path()));
    let uri = uri(&dir.path().join("invite.txt"));
    let text = "Can we review the launch plan at 3pm on 2026-12-02?\n";
    let published = client.open(&uri, "plaintext", text);

    let at = text.find("3pm").unwrap() as u64 + 1;
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": at } }),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("**3pm CET** on Wednesday, 2026-12-02"), "{shown}");
    assert!(shown.contains("- Los Angeles: 6am Wednesday (PST), outside core hours"), "{shown}");
    assert!(shown.contains("- Tokyo: 11pm Wednesday (JST), outside core hours"), "{shown}");

    let time_zone = published.with_code("time-zone");
    let actions = client.code_actions(&uri, time_zone["range"].clone());
    let fix = action(&actions, "Add your time zone: “3pm CET”");
    assert_eq!(apply(text, &fix["edit"], &uri, "utf-16"), "Can we review the launch plan at 3pm CET on 2026-12-02?\n");
    client.finish().unwrap();
}

#[test]
fn a_broken_config_is_one_message_and_the_defaults_apply() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plainly.toml"), "[rules]\nhedge = \"sometimes\"\n").unwrap();
    let mut client = Client::start(capabilities(&["utf-16"]), Some(dir.path()));
    let text = "I think maybe we should circle back on pricing by Friday 17:00 UTC.\n";
    let first = client.open(&uri(&dir.path().join("a.txt")), "plaintext", text);
    let second = client.open(&uri(&dir.path().join("b.txt")), "plaintext", text);
    assert!(first.codes().contains(&"jargon".to_string()) && second.codes().contains(&"hedge".to_string()));
    let shown = client.notification("window/showMessage");
    let message = shown["message"].as_str().unwrap();
    assert!(message.contains("plainly.toml:2:"), "{message}");
    assert_eq!(shown["type"], 1, "an error");
    let more = client.held.iter().filter(|n| n.method == "window/showMessage").count();
    assert_eq!(more, 0, "one message for one broken config");

    // Fixed on disk: the watcher's event re-checks open documents with it.
    std::fs::write(dir.path().join("plainly.toml"), "[rules]\nhedge = \"off\"\n").unwrap();
    let changes = json!({ "changes": [{ "uri": uri(&dir.path().join("plainly.toml")), "type": 2 }] });
    client.notify("workspace/didChangeWatchedFiles", changes);
    let rechecked = client.diagnostics(&uri(&dir.path().join("a.txt")));
    assert!(!rechecked.codes().contains(&"hedge".to_string()), "{:#}", rechecked.diagnostics);
    assert!(rechecked.codes().contains(&"jargon".to_string()));
    client.finish().unwrap();
}

#[test]
fn a_rule_file_changed_on_disk_rechecks_open_documents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plainly.toml"), "rule-files = [\"team.toml\"]\n").unwrap();
    let team = dir.path().join("team.toml");
    std::fs::write(&team, "[[jargon]]\nmatch = [\"blue squad\"]\ninstead = [\"release team\"]\n").unwrap();
    let mut client = Client::start(capabilities(&["utf-16"]), Some(dir.path()));
    let doc = uri(&dir.path().join("note.txt"));
    let text = "FYI: the blue squad moved the holiday rota to the wiki.\n";
    assert_eq!(client.open(&doc, "plaintext", text).codes(), ["jargon"]);

    std::fs::write(&team, "[[jargon]]\nmatch = [\"holiday rota\"]\ninstead = [\"leave plan\"]\n").unwrap();
    let changes = json!({ "changes": [{ "uri": uri(&team), "type": 2 }] });
    client.notify("workspace/didChangeWatchedFiles", changes);
    let rechecked = client.diagnostics(&doc);
    assert_eq!(rechecked.codes(), ["jargon"]);
    let message = rechecked.with_code("jargon")["message"].as_str().unwrap().to_string();
    assert!(message.contains("holiday rota"), "{message}");

    // A rule file the config cannot read yet: fixed by creating it.
    std::fs::remove_file(&team).unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [{ "uri": uri(&team), "type": 3 }] }));
    assert!(client.diagnostics(&doc).codes().is_empty());
    std::fs::write(&team, "[[jargon]]\nmatch = [\"wiki\"]\ninstead = [\"handbook\"]\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [{ "uri": uri(&team), "type": 1 }] }));
    assert_eq!(client.diagnostics(&doc).codes(), ["jargon"]);
    client.finish().unwrap();
}

/// Neovim 0.7 and ALE watch no files for the server, and send no `didSave` for a
/// `plainly.toml` they edit, since plainly does not check TOML: the server looks itself.
#[test]
fn a_config_created_or_changed_on_disk_is_noticed_without_a_watcher() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("plainly.toml");
    let mut client = Client::start(json!({}), Some(dir.path()));
    let doc = uri(&dir.path().join("draft.txt"));
    let text = "I think maybe we should circle back on pricing. Can you review it by Friday 17:00 UTC?\n";
    assert_eq!(client.open(&doc, "plaintext", text).codes(), ["hedge", "jargon"]);
    let edit = |client: &Client, version: i64| {
        let document = json!({ "uri": doc, "version": version });
        let changes = json!([{ "text": text }]);
        client.notify("textDocument/didChange", json!({ "textDocument": document, "contentChanges": changes }));
    };

    // "Disable jargon in plainly.toml" created the config; the next edit is checked with it.
    std::fs::write(&config, "[rules]\njargon = \"off\"\n").unwrap();
    edit(&client, 2);
    assert_eq!(client.diagnostics(&doc).codes(), ["hedge"]);

    // The config is changed and saved: any message from the client re-checks with it,
    // here a hover, so the writer sees the change without typing.
    std::fs::write(&config, "[rules]\njargon = \"off\"\nhedge = \"off\"\n").unwrap();
    let position = json!({ "line": 0, "character": 0 });
    client.request("textDocument/hover", json!({ "textDocument": { "uri": doc }, "position": position }));
    let rechecked = client.diagnostics(&doc);
    assert_eq!((rechecked.version, rechecked.codes()), (Some(2), vec![]));

    // Deleted: the defaults again.
    std::fs::remove_file(&config).unwrap();
    edit(&client, 3);
    assert_eq!(client.diagnostics(&doc).codes(), ["hedge", "jargon"]);
    client.finish().unwrap();
}

#[test]
fn the_config_watcher_is_registered_when_the_client_allows() {
    let (server_side, connection) = Connection::memory();
    let server = std::thread::spawn(move || plainly::lsp::run(server_side));
    let send = |message: Message| connection.sender.send(message).unwrap();
    send(Request::new(1.into(), "initialize".into(), json!({ "capabilities": capabilities(&[]) })).into());
    send(Notification::new("initialized".into(), json!({})).into());
    let mut registered = None;
    while registered.is_none() {
        match connection.receiver.recv_timeout(TIMEOUT).unwrap() {
            Message::Request(request) if request.method == "client/registerCapability" => registered = Some(request),
            _ => {}
        }
    }
    let registered = registered.unwrap();
    let watchers = &registered.params["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/plainly.toml");
    assert!(watchers.as_array().unwrap().iter().any(|w| w["globPattern"] == "**/*.toml"), "{watchers:#}");
    send(Response::new_ok(registered.id, ()).into());
    let client = Client { connection, server: Some(server), next_id: 1, held: Vec::new(), init: Value::Null };
    client.finish().unwrap();
}

#[test]
fn disable_in_config_edits_the_config_or_creates_one() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Let's circle back on pricing by Friday 17:00 UTC.\n";
    let doc = uri(&dir.path().join("draft.txt"));
    let config = uri(&dir.path().join("plainly.toml"));

    // No config: create one at the workspace root.
    let mut client = Client::start(capabilities(&["utf-16"]), Some(dir.path()));
    let jargon = client.open(&doc, "plaintext", text).with_code("jargon");
    let actions = client.code_actions(&doc, jargon["range"].clone());
    let create = &action(&actions, "Disable jargon in plainly.toml")["edit"]["documentChanges"];
    assert_eq!(
        create[0],
        json!({ "kind": "create", "uri": config, "options": { "overwrite": false, "ignoreIfExists": true } })
    );
    assert_eq!(apply("", &json!({ "documentChanges": [create[1]] }), &config, "utf-16"), "[rules]\njargon = \"off\"\n");
    client.finish().unwrap();

    // A client that cannot create files is offered nothing.
    let mut client =
        Client::start(json!({ "workspace": { "workspaceEdit": { "documentChanges": true } } }), Some(dir.path()));
    let jargon = client.open(&doc, "plaintext", text).with_code("jargon");
    let actions = client.code_actions(&doc, jargon["range"].clone());
    assert!(actions.iter().all(|a| a["title"] != "Disable jargon in plainly.toml"));
    client.finish().unwrap();

    // An existing config is edited.
    let written = "glossary = [\"KEP\"]\n\n[rules]\nhedge = \"info\"\n";
    std::fs::write(dir.path().join("plainly.toml"), written).unwrap();
    let mut client = Client::start(json!({}), Some(dir.path()));
    let jargon = client.open(&doc, "plaintext", text).with_code("jargon");
    let actions = client.code_actions(&doc, jargon["range"].clone());
    let edit = &action(&actions, "Disable jargon in plainly.toml")["edit"];
    assert_eq!(
        apply(written, edit, &config, "utf-16"),
        "glossary = [\"KEP\"]\n\n[rules]\njargon = \"off\"\nhedge = \"info\"\n"
    );
    client.finish().unwrap();
}

#[test]
fn a_panicking_check_costs_one_document_not_the_session() {
    fn panics_on_boom(
        text: &str,
        kind: plainly::FileKind,
        profile: plainly::Profile,
        settings: &plainly::Settings,
    ) -> plainly::Checked {
        assert!(!text.contains("BOOM"), "a rule bug");
        plainly::check(text, kind, profile, settings)
    }
    let mut client = Client::start_with(capabilities(&["utf-16"]), None, panics_on_boom);
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": "untitled:boom", "languageId": "plaintext", "version": 1, "text": "BOOM, circle back" } }),
    );
    let fine = client.open("untitled:fine", "plaintext", "We should circle back.\n");
    assert!(fine.codes().contains(&"jargon".to_string()));
    assert!(
        client.held.iter().all(|n| n.params["uri"] != "untitled:boom"),
        "nothing published for the panicking document"
    );
    let actions = client.code_actions(
        "untitled:boom",
        json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 5 } }),
    );
    assert!(actions.is_empty());
    client.finish().unwrap();
}

#[test]
fn client_mistakes_are_survived() {
    let mut client = Client::start(capabilities(&["utf-16"]), None);
    assert_eq!(client.try_request("plainly/unknown", json!({})).unwrap_err().0, -32601);
    assert_eq!(client.try_request("textDocument/codeAction", json!("nonsense")).unwrap_err().0, -32602);
    assert_eq!(client.try_request("initialize", json!({ "capabilities": {} })).unwrap_err().0, -32600);
    client.notify("plainly/unknownNotification", json!({ "x": 1 }));
    client.notify("textDocument/didOpen", json!({ "no": "document" }));
    client.send(Response::new_ok(RequestId::from(9999), json!({})));

    // Changes, saves and closes of a document that was never opened.
    let range = json!({ "start": { "line": 100, "character": 0 }, "end": { "line": 100, "character": 3 } });
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": "untitled:never", "version": 2 }, "contentChanges": [{ "range": range, "text": "x" }] }),
    );
    client.notify("textDocument/didSave", json!({ "textDocument": { "uri": "untitled:never" } }));
    client.notify("textDocument/didClose", json!({ "textDocument": { "uri": "untitled:never" } }));
    let none = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": "untitled:never" }, "range": range, "context": { "diagnostics": [] } }),
    );
    assert_eq!(none, Value::Null);

    // Positions past the end, and a range whose end comes first, are clamped.
    let uri = "untitled:clamp";
    client.open(uri, "plaintext", "Short.\nLines.\n");
    let changes = json!([
        { "range": { "start": { "line": 40, "character": 0 }, "end": { "line": 41, "character": 9 } }, "text": "We should circle back." },
        { "range": { "start": { "line": 0, "character": 99 }, "end": { "line": 0, "character": 2 } }, "text": "" },
    ]);
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": changes }),
    );
    let after = client.diagnostics(uri);
    assert_eq!(after.version, Some(2));
    assert_eq!(after.with_code("jargon")["range"]["start"], json!({ "line": 2, "character": 10 }));
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 99, "character": 99 } }),
    );
    assert_eq!(hover, Value::Null);
    client.finish().unwrap();
}

#[test]
fn only_exit_ends_the_server_and_shutdown_first_makes_it_clean() {
    let mut client = Client::start(json!({}), None);
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    assert_eq!(
        client.try_request("textDocument/hover", json!({})).unwrap_err().0,
        -32600,
        "requests after shutdown are invalid"
    );
    client.notify("exit", Value::Null);
    assert!(client.server.take().unwrap().join().unwrap().is_ok());

    let mut client = Client::start(json!({}), None);
    client.notify("exit", Value::Null);
    assert!(client.server.take().unwrap().join().unwrap().is_err(), "exit without shutdown is an error exit");
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let mut client = Client::start(json!({}), None);
    let uri = "untitled:close";
    assert!(!client.open(uri, "plaintext", "We should circle back.\n").codes().is_empty());
    client.notify("textDocument/didClose", json!({ "textDocument": { "uri": uri } }));
    let cleared = client.diagnostics(uri);
    assert_eq!(cleared.diagnostics, json!([]));
    client.finish().unwrap();
}

#[test]
fn language_ids_and_paths_choose_kind_and_profile() {
    let mut client = Client::start(json!({}), None);
    // A commit message is a message, so the message rules run (its imperative subject is
    // not an ask; the question is).
    let commit = client.open(
        "file:///repo/.git/COMMIT_EDITMSG",
        "git-commit",
        "Fix the importer so it can circle back.\n\nCan you check the retry policy?\n",
    );
    assert!(commit.codes().contains(&"no-deadline".to_string()), "{:?}", commit.codes());
    // Markdown is documentation: no message rules.
    let doc = client.open("untitled:doc", "markdown", "Fix the importer so it can circle back.\n");
    assert!(doc.codes().contains(&"jargon".to_string()) && !doc.codes().contains(&"no-deadline".to_string()));
    // Front matter wins over the default for Markdown.
    let front_matter = client.open(
        "untitled:standup",
        "markdown",
        "---\nplainly_profile: message\n---\nFix the importer so it can circle back.\n",
    );
    let message_rules = ["no-deadline", "missing-ask"];
    assert!(front_matter.codes().iter().any(|c| message_rules.contains(&c.as_str())), "{:?}", front_matter.codes());
    // Files plainly does not read are left alone.
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": "file:///repo/main.rs", "languageId": "rust", "version": 1, "text": "// circle back" } }),
    );
    client.request("shutdown", Value::Null);
    assert!(client.held.iter().all(|n| n.params["uri"] != "file:///repo/main.rs"));
    client.notify("exit", Value::Null);
    client.server.take().unwrap().join().unwrap().unwrap();
}

/// One resolver answers for every front end: the same text with the same bad front matter
/// is the same error, at the same place, from `check`, `analyze` and the editor; none of
/// them checks the text with some other profile.
#[test]
fn bad_front_matter_is_the_same_error_in_check_analyze_and_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let text = "---\ntitle: Weekly\nplainly_profile: memo\n---\nCan you review the launch plan by Friday?\n";
    let path = dir.path().join("notes.md");
    std::fs::write(&path, text).unwrap();
    let expected = "notes.md:3:18: front matter asks for unknown profile \"memo\"; expected message, standup or doc";
    for command in ["check", "analyze"] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_plainly"))
            .args([command, "notes.md"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{command}: {stderr}");
        assert!(stderr.lines().any(|line| line == format!("plainly: {expected}")), "{command}: {stderr}");
        assert!(!String::from_utf8_lossy(&output.stdout).contains("Clarity"), "{command} checked the text anyway");
    }

    let mut client = Client::start(capabilities(&["utf-16"]), Some(dir.path()));
    let published = client.open(&uri(&path), "markdown", text);
    let diagnostics = published.diagnostics.as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "only the error, as the CLI checks nothing: {diagnostics:#?}");
    let error = &diagnostics[0];
    assert_eq!(error["severity"], 1);
    assert_eq!(error["range"]["start"], json!({ "line": 2, "character": 17 }), "3:18, 0-based");
    assert_eq!(error["range"]["end"], json!({ "line": 2, "character": 21 }), "the name \"memo\"");
    assert_eq!(format!("notes.md:3:18: {}", error["message"].as_str().unwrap()), expected);

    // Fixed in the editor: the error goes, and the text is checked.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri(&path), "version": 2 },
            "contentChanges": [{ "text": text.replace("memo", "message") }],
        }),
    );
    let fixed = client.diagnostics(&uri(&path));
    assert!(fixed.diagnostics.as_array().unwrap().iter().all(|d| d["code"].is_string()), "{:#}", fixed.diagnostics);
    client.finish().unwrap();
}
