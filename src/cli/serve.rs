//! `plainly serve`: the checker as a local HTTP server that LanguageTool's clients can
//! use (see `crate::serve`).

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;

use super::ExitStatus;
use crate::resolve::{Origin, Overrides, Resolver};
use crate::serve::{DEFAULT_MAX_REQUEST_BYTES, Limits, Server};

/// Options of `plainly serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The port to listen on; 0 picks a free one (the address is printed on stderr).
    #[arg(long, default_value_t = 8081)]
    pub port: u16,
    /// The address to listen on. Anything but loopback lets other machines check text
    /// with this server; plainly warns when it is.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Use this config instead of finding `plainly.toml` from the working folder.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Let web pages from this origin call the API (`http://localhost:3000`); browser
    /// extensions' origins are always allowed. Repeat for more.
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    pub allow_origins: Vec<String>,
    /// The largest request body accepted, in bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_REQUEST_BYTES)]
    pub max_request_bytes: usize,
    /// Seconds a client has to send a request's headers, and again its body.
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub timeout: u64,
}

pub(super) fn run(args: &ServeArgs) -> anyhow::Result<ExitStatus> {
    let addr = address(&args.host, args.port)?;
    // A request names no file, so every request is checked as stdin is: with the config
    // found from the working folder, or --config.
    let mut resolver = match &args.config {
        Some(config) => Resolver::with_config(crate::rules::catalogue(), Overrides::default(), config)?,
        None => Resolver::new(crate::rules::catalogue(), Overrides::default()),
    };
    // A broken config stops the server before it starts, as it stops `plainly check`.
    resolver.resolve(Origin::stdin(None))?;
    let limits = Limits::new(args.max_request_bytes, Duration::from_secs(args.timeout.max(1)));
    let server = Server::bind(addr, resolver, args.allow_origins.clone(), limits)?;
    let bound = server.address()?;
    // The address comes first, always: scripts and tests read it from the first line.
    eprintln!("plainly serve: listening on http://{bound}/ (LanguageTool API at http://{bound}/v2)");
    if !bound.ip().is_loopback() {
        eprintln!(
            "plainly serve: warning: listening on {}, not loopback: other machines can send text to this server",
            bound.ip()
        );
    }
    server.run()?;
    Ok(ExitStatus::Clean)
}

/// The socket address for `--host` and `--port`: an IP address or a name such as
/// `localhost`.
fn address(host: &str, port: u16) -> anyhow::Result<SocketAddr> {
    (host, port)
        .to_socket_addrs()
        .with_context(|| format!("cannot listen on {host}:{port}"))?
        .next()
        .with_context(|| format!("{host} has no address"))
}
