//! `plainly serve`: the engine over HTTP, speaking enough of LanguageTool's API v2 that
//! its clients (the browser extension, LTeX, `language_tool_python`) use plainly as their
//! server, plus a page at `/` to paste a draft into.
//!
//! hyper's HTTP/1 server on a current-thread tokio runtime: one thread holds every
//! connection, so a thousand idle ones cost a task each rather than a thread each, and
//! checks run on tokio's blocking threads, at most [`Limits::max_checks`] at once. What a
//! client can hold is bounded: time to send headers, time to send the body, its size,
//! how long a connection lives, how many are open. A request the server cannot read is
//! answered 4xx with `{"error": "…"}`; a check that panics is answered 500 (the panic is
//! caught, as the language server catches its own), and the server goes on.
//!
//! - `languagetool.rs`: reading a check request, and the answer in LanguageTool's shape;
//! - `page.html`: the page, compiled in.

#![allow(clippy::print_stderr)]

pub mod languagetool;

use std::convert::Infallible;
use std::net::{SocketAddr, TcpListener as StdListener};
use std::panic::{self, AssertUnwindSafe};
use std::pin::pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use anyhow::Context as _;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Body, Bytes};
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use serde_json::json;
use tokio::sync::Semaphore;

use crate::Profile;
use crate::engine::CheckFn;
use crate::input::FileKind;
use crate::resolve::{Origin, Resolver};

use languagetool::{BadRequest, CheckRequest};

/// The page at `/`: one file, its CSS and script inline, so it works offline.
const PAGE: &str = include_str!("page.html");

/// The request body size allowed when `--max-request-bytes` does not say: 256 KiB, some
/// 40,000 words, far past any message, while a stream of big bodies stays cheap.
pub const DEFAULT_MAX_REQUEST_BYTES: usize = 256 * 1024;

/// What one client may hold of the server.
#[derive(Clone, Debug)]
pub struct Limits {
    /// The largest request body read; a larger one is answered 413.
    pub max_request_bytes: usize,
    /// Time to send a request's headers from when the connection opens (or the last
    /// answer was sent); past it the connection is closed.
    pub header_timeout: Duration,
    /// Time to send a request's body; past it the request is answered 408.
    pub body_timeout: Duration,
    /// How long a connection is kept: then it is closed once the request in flight, if
    /// any, is answered, and the answer gets `body_timeout` more to be written.
    pub connection_lifetime: Duration,
    /// Connections open at once; one more is closed as soon as it is accepted.
    pub max_connections: usize,
    /// Checks run at once (one per core); the rest wait for one to finish.
    pub max_checks: usize,
    /// How long a request waits for a check to finish before it is answered 503.
    pub queue_timeout: Duration,
}

impl Limits {
    /// The defaults, with `timeout` for reading headers and bodies.
    pub fn new(max_request_bytes: usize, timeout: Duration) -> Limits {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Limits {
            max_request_bytes,
            header_timeout: timeout,
            body_timeout: timeout,
            connection_lifetime: Duration::from_secs(60),
            max_connections: 4096,
            max_checks: cores,
            queue_timeout: Duration::from_secs(10),
        }
    }
}

/// A bound server, not yet serving: [`Server::address`] says where, [`Server::run`] serves.
pub struct Server {
    listener: StdListener,
    state: Arc<State>,
}

/// What every connection shares: how to check, what to allow, the limits.
struct State {
    /// Settings for each request, found as `plainly check` finds them for stdin.
    resolver: Mutex<Resolver>,
    /// The check: the engine's, or a stand-in in tests.
    check: CheckFn,
    /// Origins allowed to call from a browser besides extensions' (`--allow-origin`).
    allow_origins: Vec<String>,
    limits: Limits,
    /// A permit per check that may run at once.
    checks: Semaphore,
}

impl Server {
    /// Binds `addr` (port 0 picks a free port; [`Server::address`] tells which).
    pub fn bind(
        addr: SocketAddr,
        resolver: Resolver,
        allow_origins: Vec<String>,
        limits: Limits,
    ) -> anyhow::Result<Server> {
        Server::bind_with(addr, resolver, allow_origins, limits, crate::check)
    }

    /// [`Server::bind`], checking with `check`: tests pass one that panics.
    pub fn bind_with(
        addr: SocketAddr,
        resolver: Resolver,
        allow_origins: Vec<String>,
        limits: Limits,
        check: CheckFn,
    ) -> anyhow::Result<Server> {
        let listener = StdListener::bind(addr).with_context(|| format!("cannot listen on {addr}"))?;
        listener.set_nonblocking(true)?;
        let checks = Semaphore::new(limits.max_checks.max(1));
        let state = State { resolver: Mutex::new(resolver), check, allow_origins, limits, checks };
        Ok(Server { listener, state: Arc::new(state) })
    }

    /// The address it listens on.
    pub fn address(&self) -> anyhow::Result<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    /// Serves until the process ends.
    pub fn run(self) -> anyhow::Result<()> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .max_blocking_threads(self.state.limits.max_checks.max(1) + 2)
            .build()?;
        std::thread::spawn(warm_up);
        runtime.block_on(accept(self.listener, self.state))
    }
}

/// Builds what the engine builds lazily for a message before the first request rather
/// than during it.
fn warm_up() {
    crate::engine::warm_up(&[FileKind::Text], &[Profile::Message]);
}

async fn accept(listener: StdListener, state: Arc<State>) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let open = Arc::new(Semaphore::new(state.limits.max_connections));
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(err) => {
                // Out of file descriptors, say: wait for some to close, and go on.
                log(format_args!("cannot accept a connection: {err}"));
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Ok(permit) = Arc::clone(&open).try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let state = Arc::clone(&state);
        tokio::spawn(async move {
            serve_connection(stream, state).await;
            drop(permit);
        });
    }
}

async fn serve_connection(stream: tokio::net::TcpStream, state: Arc<State>) {
    let _ = stream.set_nodelay(true);
    let limits = state.limits.clone();
    let service = service_fn(move |request| {
        let state = Arc::clone(&state);
        async move { Ok::<_, Infallible>(handle(request, &state).await) }
    });
    let mut connection = pin!(
        http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .serve_connection(TokioIo::new(stream), service)
    );
    if tokio::time::timeout(limits.connection_lifetime, connection.as_mut()).await.is_err() {
        connection.as_mut().graceful_shutdown();
        let _ = tokio::time::timeout(limits.body_timeout, connection).await;
    }
}

/// Answers one request.
async fn handle<B>(request: Request<B>, state: &State) -> Response<Full<Bytes>>
where
    B: Body<Data = Bytes>,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let origin = request.headers().get(header::ORIGIN).cloned();
    let allowed = origin.filter(|origin| origin_allowed(origin, &state.allow_origins));
    let mut response = if request.method() == Method::OPTIONS {
        preflight(request.headers(), allowed.is_some())
    } else {
        route(request, state).await
    };
    if let Some(origin) = allowed {
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
    response
}

async fn route<B>(request: Request<B>, state: &State) -> Response<Full<Bytes>>
where
    B: Body<Data = Bytes>,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let path = request.uri().path().trim_end_matches('/').to_string();
    let get = request.method() == Method::GET || request.method() == Method::HEAD;
    match (path.as_str(), get, request.method() == Method::POST) {
        ("", true, _) => {
            let mut response = Response::new(Full::new(Bytes::from_static(PAGE.as_bytes())));
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
            // The page loads nothing from anywhere: say so to the browser, too.
            response.headers_mut().insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(
                    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
                ),
            );
            response
        }
        ("/v2/languages", true, _) => json_response(StatusCode::OK, &languagetool::languages()),
        ("/v2/check", _, true) => check(request, state).await,
        ("/v2/check", true, _) => {
            let query = request.uri().query().unwrap_or("").as_bytes().to_vec();
            match languagetool::form_params(&query).and_then(|params| languagetool::check_request(&params)) {
                Ok(check_request) => run_check(check_request, state).await,
                Err(message) => error(StatusCode::BAD_REQUEST, &message),
            }
        }
        ("" | "/v2/languages" | "/v2/check", _, _) => error(StatusCode::METHOD_NOT_ALLOWED, "method not allowed"),
        _ => error(StatusCode::NOT_FOUND, "no such endpoint; plainly serves /v2/check, /v2/languages and /"),
    }
}

/// Reads a `POST /v2/check` body within the size and time limits, and checks it.
async fn check<B>(request: Request<B>, state: &State) -> Response<Full<Bytes>>
where
    B: Body<Data = Bytes>,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let limits = &state.limits;
    let json = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.to_ascii_lowercase().contains("json"));
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    let too_large = format!("the request is larger than {} bytes (--max-request-bytes)", limits.max_request_bytes);
    if declared.is_some_and(|length| length > limits.max_request_bytes as u64) {
        return error(StatusCode::PAYLOAD_TOO_LARGE, &too_large);
    }
    let body = Limited::new(request.into_body(), limits.max_request_bytes);
    let body = match tokio::time::timeout(limits.body_timeout, body.collect()).await {
        Err(_) => return error(StatusCode::REQUEST_TIMEOUT, "the request body did not arrive in time"),
        Ok(Err(err)) if err.is::<http_body_util::LengthLimitError>() => {
            return error(StatusCode::PAYLOAD_TOO_LARGE, &too_large);
        }
        Ok(Err(err)) => return error(StatusCode::BAD_REQUEST, &format!("cannot read the request body: {err}")),
        Ok(Ok(body)) => body.to_bytes(),
    };
    let parsed: Result<CheckRequest, BadRequest> = if json {
        languagetool::json_params(&body).and_then(|params| languagetool::check_request(&params))
    } else if std::str::from_utf8(&body).is_err() {
        Err("the request body is not valid UTF-8".to_string())
    } else {
        languagetool::form_params(&body).and_then(|params| languagetool::check_request(&params))
    };
    match parsed {
        Ok(check_request) => run_check(check_request, state).await,
        Err(message) => error(StatusCode::BAD_REQUEST, &message),
    }
}

/// Checks on a blocking thread once one of the check permits is free.
async fn run_check(request: CheckRequest, state: &State) -> Response<Full<Bytes>> {
    let limits = &state.limits;
    let permit = match tokio::time::timeout(limits.queue_timeout, state.checks.acquire()).await {
        Ok(Ok(permit)) => permit,
        _ => return error(StatusCode::SERVICE_UNAVAILABLE, "the server is busy; try again"),
    };
    // The blocking thread needs what it reads to be its own: the state is borrowed here.
    let settings = {
        let mut resolver = state.resolver.lock().unwrap_or_else(PoisonError::into_inner);
        // A config edited while the server runs applies to the next request, as it does
        // in an editor: a look at its modification time and length, not a read.
        if resolver.changed_on_disk() {
            resolver.reload();
        }
        resolver.resolve(Origin::stdin(None))
    };
    let target = match settings {
        Ok(target) => target,
        Err(err) => return error(StatusCode::INTERNAL_SERVER_ERROR, &format!("the config is broken: {err}")),
    };
    let check = state.check;
    let answer = tokio::task::spawn_blocking(move || {
        panic::catch_unwind(AssertUnwindSafe(|| {
            let profile = match request.profile {
                Some(profile) => profile,
                None => target.profile(&request.text.plain).unwrap_or(Profile::Message),
            };
            // `reply` and `enabledRules` change this request's settings only.
            let checked = if (request.reply && !target.settings.reply) || !request.enabled.is_empty() {
                let mut settings = (*target.settings).clone();
                settings.reply |= request.reply;
                for id in &request.enabled {
                    settings = settings.with_rule_on(id, crate::rules::catalogue());
                }
                check(&request.text.plain, target.kind, profile, &settings)
            } else {
                check(&request.text.plain, target.kind, profile, &target.settings)
            };
            let checked = languagetool::apply_rule_choices(&request, checked);
            serde_json::to_vec(&languagetool::check_response(&request, &checked))
        }))
    })
    .await;
    drop(permit);
    match answer {
        Ok(Ok(Ok(body))) => {
            let mut response = Response::new(Full::new(Bytes::from(body)));
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            response
        }
        Ok(Ok(Err(err))) => error(StatusCode::INTERNAL_SERVER_ERROR, &format!("cannot write the answer: {err}")),
        Ok(Err(panic)) => {
            log(format_args!("a check panicked: {}", panic_message(&*panic)));
            error(StatusCode::INTERNAL_SERVER_ERROR, "plainly failed on this text; see the server's log")
        }
        Err(err) => error(StatusCode::INTERNAL_SERVER_ERROR, &format!("the check did not finish: {err}")),
    }
}

/// Whether a browser page from `origin` may read answers: LanguageTool's browser
/// extensions (any Chrome, Firefox or Safari extension) and each `--allow-origin`.
fn origin_allowed(origin: &HeaderValue, allowed: &[String]) -> bool {
    let Ok(origin) = origin.to_str() else { return false };
    ["chrome-extension://", "moz-extension://", "safari-web-extension://"]
        .iter()
        .any(|scheme| origin.starts_with(scheme))
        || allowed.iter().any(|allowed| allowed == origin || allowed == "*")
}

/// The answer to a CORS preflight: which methods and headers a cross-origin request may
/// use, when its origin is allowed.
fn preflight(headers: &HeaderMap, allowed: bool) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = StatusCode::NO_CONTENT;
    if allowed {
        let out = response.headers_mut();
        out.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, POST, OPTIONS"));
        let asked = headers.get(header::ACCESS_CONTROL_REQUEST_HEADERS).cloned();
        out.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, asked.unwrap_or(HeaderValue::from_static("Content-Type")));
        out.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
    }
    response
}

fn json_response(status: StatusCode, value: &serde_json::Value) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(value.to_string())));
    *response.status_mut() = status;
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

fn error(status: StatusCode, message: &str) -> Response<Full<Bytes>> {
    json_response(status, &json!({ "error": message }))
}

fn log(message: std::fmt::Arguments<'_>) {
    eprintln!("plainly serve: {message}");
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic.downcast_ref::<&str>().copied().or_else(|| panic.downcast_ref::<String>().map(String::as_str)).unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::resolve::Overrides;

    fn state(check: CheckFn) -> State {
        let resolver = Resolver::new(crate::rules::catalogue(), Overrides::default());
        let limits = Limits::new(1024, Duration::from_secs(5));
        let checks = Semaphore::new(1);
        State {
            resolver: Mutex::new(resolver),
            check,
            allow_origins: vec!["http://localhost:3000".into()],
            limits,
            checks,
        }
    }

    fn answer(state: &State, request: Request<Full<Bytes>>) -> (StatusCode, HeaderMap, serde_json::Value) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let response = runtime.block_on(handle(request, state));
        let (parts, body) = response.into_parts();
        let bytes = runtime.block_on(body.collect()).unwrap().to_bytes();
        let value = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
        (parts.status, parts.headers, value)
    }

    fn post(body: &str) -> Request<Full<Bytes>> {
        Request::post("/v2/check")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Full::new(Bytes::from(body.to_string())))
            .unwrap()
    }

    fn panics(_: &str, _: FileKind, _: Profile, _: &Settings) -> crate::Checked {
        panic!("a rule bug")
    }

    #[test]
    fn a_panicking_check_is_answered_500_and_the_next_request_still_works() {
        let state = state(panics);
        let (status, _, body) = answer(&state, post("text=Hello"));
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(body["error"].as_str().unwrap().contains("failed"));
        let (status, _, body) = answer(&state, Request::get("/v2/languages").body(Full::default()).unwrap());
        assert_eq!(status, StatusCode::OK);
        assert!(body.as_array().is_some());
    }

    #[test]
    fn a_request_may_name_the_profile_and_say_it_is_a_reply() {
        let state = state(crate::check);
        let (status, _, body) = answer(&state, post("text=Shipped+the+fix.&profile=doc"));
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["plainly"]["profile"], "doc");
        let rules = |body: &serde_json::Value| -> Vec<String> {
            body["matches"].as_array().unwrap().iter().map(|m| m["rule"]["id"].as_str().unwrap().to_string()).collect()
        };
        let (_, _, asked) = answer(&state, post("text=Shipped+the+fix+to+staging+yesterday."));
        let (_, _, replied) = answer(&state, post("text=Shipped+the+fix+to+staging+yesterday.&reply=true"));
        assert!(rules(&asked).contains(&"missing-ask".to_string()), "{asked}");
        assert!(!rules(&replied).contains(&"missing-ask".to_string()), "{replied}");
        let (_, _, disabled) =
            answer(&state, post("text=Shipped+the+fix+to+staging+yesterday.&disabledRules=MISSING_ASK"));
        assert!(!rules(&disabled).contains(&"missing-ask".to_string()), "{disabled}");
        let (status, _, body) = answer(&state, post("text=x&profile=memo"));
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body["error"].as_str().unwrap().contains("memo"));
    }

    #[test]
    fn cors_for_extensions_and_allowed_origins_only() {
        let state = state(crate::check);
        let preflight = |origin: &str| {
            Request::options("/v2/check")
                .header(header::ORIGIN, origin)
                .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .body(Full::default())
                .unwrap()
        };
        for origin in ["chrome-extension://abc", "moz-extension://x-y", "http://localhost:3000"] {
            let (status, headers, _) = answer(&state, preflight(origin));
            assert_eq!(status, StatusCode::NO_CONTENT);
            assert_eq!(headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], origin);
            assert!(headers[header::ACCESS_CONTROL_ALLOW_METHODS].to_str().unwrap().contains("POST"));
        }
        let (_, headers, _) = answer(&state, preflight("https://evil.example"));
        assert!(headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
    }

    #[test]
    fn too_large_unknown_and_wrong_method_are_json_errors() {
        let state = state(crate::check);
        let (status, _, body) = answer(&state, post(&format!("text={}", "a".repeat(2000))));
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(body["error"].is_string());
        let (status, _, body) = answer(&state, Request::get("/nope").body(Full::default()).unwrap());
        assert_eq!((status, body["error"].is_string()), (StatusCode::NOT_FOUND, true));
        let (status, _, _) = answer(&state, Request::delete("/v2/check").body(Full::default()).unwrap());
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    }
}
