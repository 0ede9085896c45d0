//! LSP framing on stdin and stdout.
//!
//! lsp-server's own stdio transport ends its reader thread at the first body that is
//! not a JSON-RPC message, which ends the session. JSON-RPC asks for a ParseError
//! answer instead, and a writer should not lose their session to one bad frame from a
//! client, so this reader answers such frames and goes on reading. Messages still
//! travel to and from the server loop as lsp-server [`Message`]s on its [`Connection`].

use std::io::{self, BufRead, Read, Write};
use std::thread;

use lsp_server::{Connection, ErrorCode, Message};

use super::log;

/// A connection over stdin and stdout, and the writer thread to join after the server
/// loop returns (so every message it sent is flushed).
pub(crate) fn stdio() -> (Connection, thread::JoinHandle<io::Result<()>>) {
    let (to_server, from_client) = crossbeam_channel::unbounded::<Message>();
    let (to_client, outgoing) = crossbeam_channel::unbounded::<Message>();
    let writer = thread::spawn(move || {
        for message in outgoing {
            // One lock per frame, so the reader's error answers never split a frame.
            message.write(&mut io::stdout().lock())?;
        }
        Ok(())
    });
    // The reader is not joined: after `exit` it may sit in a read of stdin forever, and
    // the process ends without it.
    thread::spawn(move || {
        let mut stdin = io::stdin().lock();
        let mut answer = |frame: &str| {
            let mut out = io::stdout().lock();
            out.write_all(frame.as_bytes())?;
            out.flush()
        };
        if let Err(err) = read_messages(&mut stdin, &to_server, &mut answer) {
            log(format_args!("reading stdin failed: {err}"));
        }
    });
    (Connection { sender: to_client, receiver: from_client }, writer)
}

/// Reads frames until end of input or `exit`, passing each message on. A frame whose
/// body is not a JSON-RPC message is answered with an error frame passed to `answer`.
pub(crate) fn read_messages(
    input: &mut impl BufRead,
    to_server: &crossbeam_channel::Sender<Message>,
    answer: &mut impl FnMut(&str) -> io::Result<()>,
) -> io::Result<()> {
    while let Some(body) = read_frame(input)? {
        let message = match serde_json::from_slice::<Message>(&body) {
            Ok(message) => message,
            Err(err) => {
                log(format_args!("ignoring a message that is not JSON-RPC: {err}"));
                if let Some(error) = error_answer(&body, &err) {
                    let text = error.to_string();
                    answer(&format!("Content-Length: {}\r\n\r\n{text}", text.len()))?;
                }
                continue;
            }
        };
        let is_exit = matches!(&message, Message::Notification(n) if n.method == "exit");
        if to_server.send(message).is_err() || is_exit {
            break;
        }
    }
    Ok(())
}

/// The largest frame read into memory: about 25 times the default `max-file-size`, so a
/// document any editor could hold, escaped as JSON, fits with room to spare.
const MAX_FRAME_BYTES: usize = 256 * 1024 * 1024;

/// The body of the next frame, `None` at the end of input. Headers that cannot be read
/// are skipped, as is a frame without `Content-Length`.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut length = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        let header = String::from_utf8_lossy(&line);
        let header = header.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            match length.take() {
                Some(length) => break read_body(input, length).map(Some),
                None => continue,
            }
        }
        match header.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                length = value.trim().parse::<usize>().ok();
                if length.is_none() {
                    log(format_args!("ignoring a bad header: {header:?}"));
                }
            }
            Some(_) => {}
            None => log(format_args!("ignoring a bad header: {header:?}")),
        }
    }
}

/// The body of a frame of `length` bytes. The buffer grows with what arrives rather than
/// with what the header claims, so a bogus `Content-Length` costs nothing until the
/// bytes come; a frame over [`MAX_FRAME_BYTES`] is read past and dropped.
fn read_body(input: &mut impl BufRead, length: usize) -> io::Result<Vec<u8>> {
    let claimed = u64::try_from(length).unwrap_or(u64::MAX);
    if length > MAX_FRAME_BYTES {
        let skipped = io::copy(&mut input.take(claimed), &mut io::sink())?;
        if skipped < claimed {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        log(format_args!("dropping a frame of {length} bytes (the limit is {MAX_FRAME_BYTES})"));
        return Ok(Vec::new());
    }
    let mut body = Vec::with_capacity(length.min(1 << 20));
    input.take(claimed).read_to_end(&mut body)?;
    if body.len() < length {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(body)
}

/// The JSON-RPC error answering a body that is not a message: ParseError for text
/// that is not JSON, InvalidRequest for JSON that is not a request or notification
/// (with the request's id when it has a usable one). Nothing for what looks like a
/// response: responses are never answered.
fn error_answer(body: &[u8], err: &serde_json::Error) -> Option<serde_json::Value> {
    let (code, id) = match serde_json::from_slice::<serde_json::Value>(body) {
        Err(_) => (ErrorCode::ParseError, serde_json::Value::Null),
        Ok(value)
            if value.get("method").is_none() && (value.get("result").is_some() || value.get("error").is_some()) =>
        {
            return None;
        }
        Ok(value) => {
            let id = value.get("id").filter(|id| id.is_number() || id.is_string()).cloned();
            (ErrorCode::InvalidRequest, id.unwrap_or_default())
        }
    };
    Some(serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code as i32, "message": err.to_string() },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn read(input: &str) -> (Vec<Message>, String) {
        let (sender, receiver) = crossbeam_channel::unbounded();
        let mut answers = String::new();
        let mut answer = |frame: &str| {
            answers.push_str(frame);
            Ok(())
        };
        read_messages(&mut input.as_bytes(), &sender, &mut answer).unwrap();
        drop(sender);
        (receiver.into_iter().collect(), answers)
    }

    #[test]
    fn bad_bodies_are_answered_and_reading_goes_on() {
        let input = [
            frame("{not json"),
            frame(r#"{"id": 7, "params": 1}"#),
            "X-Junk\r\n\r\n".to_string(),
            frame(r#"{"jsonrpc": "2.0", "id": 1, "result": null}"#),
            frame(r#"{"jsonrpc": "2.0", "method": "initialized", "params": {}}"#),
        ]
        .concat();
        let (messages, answers) = read(&input);
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(answers.contains(r#""id":null"#) && answers.contains("-32700"), "{answers}");
        assert!(answers.contains(r#""id":7"#) && answers.contains("-32600"), "{answers}");
    }

    #[test]
    fn a_claimed_length_is_not_allocated_before_the_bytes_come() {
        let (sender, _receiver) = crossbeam_channel::unbounded();
        let mut input = "Content-Length: 99999999999999\r\n\r\n{}".as_bytes();
        let err = read_messages(&mut input, &sender, &mut |_| Ok(())).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof);
    }

    #[test]
    fn exit_stops_reading() {
        let input = [frame(r#"{"jsonrpc": "2.0", "method": "exit"}"#), frame(r#"{"jsonrpc": "2.0", "method": "x"}"#)];
        let (messages, _) = read(&input.concat());
        assert_eq!(messages.len(), 1);
    }
}
