//! `plainly serve` end to end: the real binary on a free port (`--port 0`; it prints the
//! address it bound on stderr), spoken to over TCP as its clients speak to it: form and
//! JSON checks with offsets in UTF-16, LanguageTool's annotated text, `/v2/languages`,
//! 4xx answers for what cannot be read, and clients that hold connections open or send
//! slowly, while others go on being answered. `language_tool_python` in remote-server
//! mode is driven by `tests/serve_client.py`.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::skip;

/// A `plainly serve` process, ended when dropped.
struct Served {
    child: Child,
    addr: SocketAddr,
    /// The folder it runs in (no `plainly.toml`, so the defaults apply).
    _dir: tempfile::TempDir,
}

impl Served {
    fn start(args: &[&str]) -> Served {
        Served::start_in(tempfile::tempdir().unwrap(), args)
    }

    /// Starts it in `dir`, whose `plainly.toml`, if any, applies.
    fn start_in(dir: tempfile::TempDir, args: &[&str]) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_plainly"))
            .args(["serve", "--port", "0"])
            .args(args)
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        stderr.read_line(&mut line).unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|addr| addr.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        // Keep reading stderr so the server never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
        Served { child, addr, _dir: dir }
    }

    /// Sends `request` (raw HTTP) on a new connection and reads the whole answer.
    fn raw(&self, request: &[u8]) -> (u16, Value) {
        let mut stream = TcpStream::connect(self.addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        stream.write_all(request).unwrap();
        read_response(&mut stream)
    }

    fn post(&self, content_type: &str, body: &[u8]) -> (u16, Value) {
        let mut request = format!(
            "POST /v2/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        request.extend_from_slice(body);
        self.raw(&request)
    }

    fn form(&self, params: &[(&str, &str)]) -> (u16, Value) {
        let body: Vec<String> = params.iter().map(|(k, v)| format!("{k}={}", form_encode(v))).collect();
        self.post("application/x-www-form-urlencoded", body.join("&").as_bytes())
    }

    fn json(&self, value: &Value) -> (u16, Value) {
        self.post("application/json", value.to_string().as_bytes())
    }

    fn get(&self, path: &str) -> (u16, Value) {
        self.raw(format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes())
    }

    /// Whether it still answers a check.
    fn answers(&self) -> bool {
        let (status, body) = self.form(&[("text", "Can you review the deck ASAP?"), ("language", "en-US")]);
        status == 200 && body["matches"].as_array().is_some_and(|m| !m.is_empty())
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads an HTTP/1.1 answer with a `Content-Length` (all of plainly's have one).
fn read_response(stream: &mut TcpStream) -> (u16, Value) {
    let mut reader = BufReader::new(stream);
    let mut status_line = String::new();
    reader.read_line(&mut status_line).unwrap();
    let status: u16 = status_line.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap();
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

fn form_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The text in `text` at a match's `offset` and `length`, counted in UTF-16 code units.
fn utf16_slice(text: &str, m: &Value) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (offset, length) = (m["offset"].as_u64().unwrap() as usize, m["length"].as_u64().unwrap() as usize);
    String::from_utf16(&units[offset..offset + length]).unwrap()
}

fn match_of<'a>(body: &'a Value, rule: &str) -> &'a Value {
    body["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["rule"]["id"] == rule)
        .unwrap_or_else(|| panic!("no {rule} match in {body:#}"))
}

/// Emoji (two UTF-16 units each, four bytes), a skin-tone modifier, Cyrillic and CJK
/// before the findings, so bytes, characters and UTF-16 units all differ there.
const TEXT: &str = "Hi 👋🏽 team (Привет, 日本語のチーム 🎉)! Can you review the pricing deck ASAP? \
We can circle back on the numbers at 3pm.";

#[test]
fn form_and_json_checks_slice_out_the_flagged_words_in_utf16() {
    let served = Served::start(&[]);
    let (status, form) = served.form(&[("text", TEXT), ("language", "en-US")]);
    assert_eq!(status, 200, "{form}");
    let (status, json) = served.json(&json!({"text": TEXT, "language": "en-US"}));
    assert_eq!(status, 200, "{json}");
    assert_eq!(form["matches"], json["matches"]);
    for (rule, words) in [("vague-deadline", "ASAP"), ("jargon", "circle back"), ("time-zone", "3pm")] {
        let m = match_of(&form, rule);
        assert_eq!(utf16_slice(TEXT, m), words, "{m:#}");
        let context = m["context"]["text"].as_str().unwrap();
        let units: Vec<u16> = context.encode_utf16().collect();
        let (offset, length) =
            (m["context"]["offset"].as_u64().unwrap() as usize, m["context"]["length"].as_u64().unwrap() as usize);
        assert_eq!(String::from_utf16(&units[offset..offset + length]).unwrap(), words);
        assert_eq!(m["rule"]["issueType"], "style");
        assert!(m["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    assert_eq!(form["software"]["apiVersion"], 1);
    assert_eq!(form["language"]["code"], "en-US");
    assert_eq!(form["plainly"]["profile"], "message");
    assert!(form["plainly"]["score"].as_u64().unwrap() < 100);
    assert!(form["plainly"]["words"].as_u64().unwrap() > 10);
}

#[test]
fn annotated_text_offsets_count_the_markup() {
    let served = Served::start(&[]);
    let data = json!({"annotation": [
        {"markup": "<p>"}, {"text": "Hi 👋 team,"}, {"markup": "</p><p>", "interpretAs": "\n\n"},
        {"text": "Can you review the "}, {"markup": "<b>"}, {"text": "deck"}, {"markup": "</b>"},
        {"text": " ASAP?"}, {"markup": "</p>"}
    ]});
    let original = "<p>Hi 👋 team,</p><p>Can you review the <b>deck</b> ASAP?</p>";
    let (status, form) = served.form(&[("data", &data.to_string()), ("language", "en-US")]);
    assert_eq!(status, 200, "{form}");
    assert_eq!(utf16_slice(original, match_of(&form, "vague-deadline")), "ASAP");
    let (status, json) = served.json(&json!({"data": data, "language": "en-US"}));
    assert_eq!(status, 200, "{json}");
    assert_eq!(form["matches"], json["matches"]);
}

#[test]
fn profile_reply_and_rule_choices() {
    let served = Served::start(&[]);
    let text = "Shipped the fix to staging yesterday. Circle back with the KPIs.";
    let rules = |body: &Value| -> Vec<String> {
        body["matches"].as_array().unwrap().iter().map(|m| m["rule"]["id"].as_str().unwrap().to_string()).collect()
    };
    let (_, plain) = served.form(&[("text", text)]);
    assert!(rules(&plain).contains(&"jargon".to_string()), "{plain:#}");
    let (_, only) = served.form(&[("text", text), ("enabledRules", "JARGON"), ("enabledOnly", "true")]);
    assert_eq!(rules(&only), ["jargon"]);
    let (_, disabled) = served.form(&[("text", text), ("disabledRules", "jargon,WHITESPACE_RULE")]);
    assert!(!rules(&disabled).contains(&"jargon".to_string()));
    assert!(disabled["plainly"]["score"].as_u64() > plain["plainly"]["score"].as_u64());
    let (_, doc) = served.form(&[("text", text), ("profile", "doc")]);
    assert_eq!(doc["plainly"]["profile"], "doc");
    let (_, standup) = served.json(&json!({"text": text, "profile": "standup", "reply": true}));
    assert_eq!(standup["plainly"]["profile"], "standup");
    // enabledRules turns on a rule the profile may run but does not by default: too-long
    // in a doc.
    let long = "The deploy finished and the logs look clean.\n\n".repeat(60);
    let (_, doc) = served.form(&[("text", &long), ("profile", "doc")]);
    assert!(!rules(&doc).contains(&"too-long".to_string()), "{doc:#}");
    let (_, enabled) = served.form(&[("text", &long), ("profile", "doc"), ("enabledRules", "TOO_LONG")]);
    assert!(rules(&enabled).contains(&"too-long".to_string()), "{enabled:#}");
}

#[test]
fn the_config_found_from_the_working_folder_applies_and_is_read_again_when_edited() {
    let text = "Can you review the deck ASAP? We can circle back at 3pm UTC.";
    let rules = |body: &Value| -> Vec<String> {
        body["matches"].as_array().unwrap().iter().map(|m| m["rule"]["id"].as_str().unwrap().to_string()).collect()
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plainly.toml"), "[rules]\njargon = \"off\"\n").unwrap();
    let served = Served::start_in(dir, &[]);
    let (_, configured) = served.form(&[("text", text)]);
    assert!(!rules(&configured).contains(&"jargon".to_string()), "{configured:#}");
    assert!(rules(&configured).contains(&"vague-deadline".to_string()), "{configured:#}");
    let (_, default) = Served::start(&[]).form(&[("text", text)]);
    assert!(rules(&default).contains(&"jargon".to_string()), "{default:#}");

    // Edited while it runs: the next request reads it again; broken, it is a 500 that
    // names the problem, and the server goes on.
    let config = served._dir.path().join("plainly.toml");
    std::fs::write(&config, "[rules]\n").unwrap();
    let (_, edited) = served.form(&[("text", text)]);
    assert!(rules(&edited).contains(&"jargon".to_string()), "{edited:#}");
    std::fs::write(&config, "[rules]\nno-such-rule = \"off\"\n").unwrap();
    let (status, answer) = served.form(&[("text", text)]);
    assert_eq!(status, 500, "{answer}");
    assert!(answer["error"].as_str().is_some_and(|e| e.contains("no-such-rule")), "{answer}");
    std::fs::write(&config, "[rules]\njargon = \"off\"\n").unwrap();
    let (_, fixed) = served.form(&[("text", text)]);
    assert!(!rules(&fixed).contains(&"jargon".to_string()), "{fixed:#}");

    let broken = tempfile::tempdir().unwrap();
    std::fs::write(broken.path().join("plainly.toml"), "[rules]\nno-such-rule = \"off\"\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_plainly"))
        .args(["serve", "--port", "0"])
        .current_dir(broken.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-such-rule"));
}

#[test]
fn languages_are_listed_as_languagetool_lists_them() {
    let served = Served::start(&[]);
    let (status, body) = served.get("/v2/languages");
    assert_eq!(status, 200);
    let languages = body.as_array().unwrap();
    assert!(languages.iter().any(|l| l["code"] == "en" && l["longCode"] == "en-US" && l["name"].is_string()));
    let (status, _) = served.get("/v2/check?text=Can+you+review+it+ASAP%3F&language=en-US");
    assert_eq!(status, 200);
}

#[test]
fn what_cannot_be_read_is_a_4xx_json_error_and_the_server_goes_on() {
    let served = Served::start(&["--max-request-bytes", "4096"]);
    let cases: [(&str, &str, Vec<u8>, u16); 6] = [
        ("no text", "application/x-www-form-urlencoded", b"language=en-US".to_vec(), 400),
        ("bad percent UTF-8", "application/x-www-form-urlencoded", b"text=%C3%28".to_vec(), 400),
        ("raw bytes not UTF-8", "application/x-www-form-urlencoded", b"text=\xff\xfe".to_vec(), 400),
        ("malformed JSON", "application/json", b"{\"text\": ".to_vec(), 400),
        ("JSON not an object", "application/json", b"[\"text\"]".to_vec(), 400),
        ("bad annotation", "application/x-www-form-urlencoded", b"data=%7B%22annotation%22%3A1%7D".to_vec(), 400),
    ];
    for (what, content_type, body, expected) in cases {
        let (status, answer) = served.post(content_type, &body);
        assert_eq!(status, expected, "{what}: {answer}");
        assert!(answer["error"].as_str().is_some_and(|e| !e.is_empty()), "{what}: {answer}");
        assert!(served.answers(), "stopped answering after {what}");
    }
    // Too large, whether the length is declared or the body just keeps coming.
    let big = format!("text={}", "a ".repeat(5000));
    let (status, answer) = served.post("application/x-www-form-urlencoded", big.as_bytes());
    assert_eq!(status, 413, "{answer}");
    assert!(answer["error"].is_string());
    let mut chunked = b"POST /v2/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\
Content-Type: application/x-www-form-urlencoded\r\n\r\n"
        .to_vec();
    for _ in 0..3 {
        chunked.extend_from_slice(format!("800\r\n{}\r\n", "a".repeat(0x800)).as_bytes());
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let (status, answer) = served.raw(&chunked);
    assert_eq!(status, 413, "{answer}");
    let (status, answer) = served.get("/v2/nothing");
    assert_eq!((status, answer["error"].is_string()), (404, true));
    assert!(served.answers());
}

#[test]
fn slow_clients_time_out_while_others_are_answered() {
    let served = Served::start(&["--timeout", "1"]);
    // Headers that never finish: the connection is closed after the timeout.
    let mut slow_headers = TcpStream::connect(served.addr).unwrap();
    slow_headers.write_all(b"POST /v2/check HTTP/1.1\r\nHost: x\r\n").unwrap();
    // A body that trickles: answered 408.
    let mut slow_body = TcpStream::connect(served.addr).unwrap();
    slow_body
        .write_all(b"POST /v2/check HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\ntext=")
        .unwrap();
    let started = Instant::now();
    assert!(served.answers(), "a slow client blocked another");
    slow_body.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let (status, answer) = read_response(&mut slow_body);
    assert_eq!(status, 408, "{answer}");
    assert!(answer["error"].is_string());
    slow_headers.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    // Closed, not timed out on our side: read_to_end ends (or the peer reset it).
    let closed = slow_headers.read_to_end(&mut Vec::new());
    assert!(
        !matches!(&closed, Err(err) if matches!(err.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut)),
        "the slow-header connection was left open: {closed:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(8), "took {:?}", started.elapsed());
    assert!(served.answers());
}

#[test]
fn a_thousand_idle_connections_do_not_stop_it_answering() {
    let served = Served::start(&["--timeout", "30"]);
    let idle: Vec<TcpStream> = (0..1000).map(|_| TcpStream::connect(served.addr).unwrap()).collect();
    let started = Instant::now();
    for _ in 0..5 {
        assert!(served.answers(), "no answer with {} idle connections open", idle.len());
    }
    assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());
    drop(idle);
    assert!(served.answers());
}

#[test]
fn cors_preflight_for_extension_origins() {
    let served = Served::start(&["--allow-origin", "http://localhost:3000"]);
    for (origin, allowed) in
        [("chrome-extension://abcdef", true), ("http://localhost:3000", true), ("https://example.com", false)]
    {
        let mut stream = TcpStream::connect(served.addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        write!(
            stream,
            "OPTIONS /v2/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nOrigin: {origin}\r\n\
Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        let answer = answer.to_ascii_lowercase();
        assert!(answer.starts_with("http/1.1 204"), "{answer}");
        let expected = format!("access-control-allow-origin: {origin}");
        assert_eq!(answer.contains(&expected), allowed, "{answer}");
    }
}

#[test]
fn page_is_served_from_the_binary() {
    let served = Served::start(&[]);
    let mut stream = TcpStream::connect(served.addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("text/html") && answer.contains("<textarea") && answer.contains("/v2/check"));
    // Nothing from the network: no URL the browser would fetch.
    assert!(!answer.contains("src=\"http") && !answer.contains("href=\"http"));
}

#[test]
fn language_tool_python_gets_the_findings_at_their_offsets() {
    let python = if support_python() { "python3" } else { return };
    let served = Served::start(&[]);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/serve_client.py");
    let output = Command::new(python).arg(script).arg(format!("http://{}", served.addr)).output().unwrap();
    assert_script_ok(&output);
}

/// Whether `python3` can import `language_tool_python` (.ci/run installs it).
fn support_python() -> bool {
    let imported = Command::new("python3").args(["-c", "import language_tool_python"]).output();
    match imported {
        Ok(output) if output.status.success() => true,
        _ => {
            skip::because("python3 cannot import language_tool_python (`pip install language_tool_python`)");
            false
        }
    }
}

#[test]
fn the_page_underlines_as_you_type_and_applies_a_fix_in_chromium() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string());
    let modules = std::env::var("PLAYWRIGHT_NODE_PATH")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target/ci/node/node_modules").to_string());
    if !std::path::Path::new(&chromium).exists() {
        return skip::because("no Chromium at /usr/bin/chromium (.ci/run installs Debian's)");
    }
    if !std::path::Path::new(&modules).join("playwright-core").exists() {
        return skip::because(
            "no playwright-core in target/ci/node (.ci/run installs it; or set PLAYWRIGHT_NODE_PATH)",
        );
    }
    let served = Served::start(&[]);
    // Kept where CI keeps its build (target/), to look at after a run; docs/serve.png is
    // the committed copy.
    let screenshot = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/serve-page.png");
    let _ = std::fs::remove_file(&screenshot);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/serve_page.mjs");
    let output = Command::new("node")
        .arg(script)
        .arg(format!("http://{}/", served.addr))
        .arg(&screenshot)
        .env("NODE_PATH", &modules)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap();
    assert_script_ok(&output);
    assert!(screenshot.exists(), "{} was not written", screenshot.display());
}

/// A client script (Python, Node) ran to its end: it prints "ok" last when every check in
/// it held, and says what failed otherwise.
fn assert_script_ok(output: &std::process::Output) {
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.ends_with("ok\n"),
        "{}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}
