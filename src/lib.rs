//! plainly: a writing-clarity linter for async work messages.
//!
//! Data flows one way: text → [`Document`] → [`language`] (tags and a reading of each
//! sentence) → [`analysis`] (what the message asks, by when) → [`Finding`]s ([`rules`])
//! → [`engine`] (suppressions, the score) → [`report`] → [`output`]. Each layer imports
//! only the ones before it:
//!
//! - base: [`span`], [`position`], [`input`], [`segment`], [`finding`];
//! - text: [`document`], then [`language`];
//! - settings: [`meta`] (what a rule is, without its code, and the [`Profile`]s),
//!   [`lexicon`] (phrase lists), [`team`] (zones and clocks), [`config_error`], [`config`]
//!   (`plainly.toml`, checked against the rules' metadata that its caller passes in), and
//!   [`resolve`] (which config, kind and profile apply to a text);
//! - [`analysis`] (the [`analysis::Context`] a rule reads), [`rules`], [`fix`];
//! - [`engine`]: the pipeline that runs them, whole ([`check`]) or again over what an
//!   edit changed ([`engine::incremental`]), with suppressions and the score; and
//!   [`crossval`], which checks labeled messages with it to measure the act model;
//! - [`report`], [`baseline`], [`diff`], [`docs`], [`output`]; then the front ends,
//!   [`cli`], [`lsp`] and [`serve`], which resolve settings with [`resolve::Resolver`]
//!   and check with the engine.

pub mod analysis;
pub mod baseline;
pub mod cli;
pub mod config;
pub mod config_error;
pub mod crossval;
pub mod diff;
pub mod docs;
pub mod document;
pub mod engine;
pub mod finding;
pub mod fix;
pub mod input;
pub mod language;
pub mod lexicon;
pub mod lsp;
pub mod meta;
pub mod output;
pub mod position;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod segment;
pub mod serve;
pub mod span;
pub mod team;

pub use config::Settings;
pub use document::{Document, ParseOptions};
pub use engine::{Checked, check, check_document};
pub use finding::{Finding, Fix, Severity};
pub use input::FileKind;
pub use meta::Profile;
pub use span::Span;
