//! Every integration test, in one test binary: one link instead of one per file, which
//! is most of a first `cargo test`'s time. Each file is a module of its own.

mod skip;
mod support;

#[path = "accuracy.rs"]
mod accuracy;
#[path = "action.rs"]
mod action;
#[path = "baseline.rs"]
mod baseline;
#[path = "cli.rs"]
mod cli;
#[path = "corpus.rs"]
mod corpus;
#[path = "crossval.rs"]
mod crossval;
#[path = "determinism.rs"]
mod determinism;
#[path = "diff_base.rs"]
mod diff_base;
#[path = "docs_in_sync.rs"]
mod docs_in_sync;
#[path = "editors.rs"]
mod editors;
#[path = "emacs.rs"]
mod emacs;
#[path = "fixtures.rs"]
mod fixtures;
#[path = "hostile.rs"]
mod hostile;
#[path = "incremental.rs"]
mod incremental;
#[path = "kakoune.rs"]
mod kakoune;
#[path = "language.rs"]
mod language;
#[path = "lsp.rs"]
mod lsp;
#[path = "lsp_abuse.rs"]
mod lsp_abuse;
#[path = "neovim.rs"]
mod neovim;
#[path = "pipe.rs"]
mod pipe;
#[path = "positions.rs"]
mod positions;
#[path = "readings.rs"]
mod readings;
#[path = "repository.rs"]
mod repository;
#[path = "sarif.rs"]
mod sarif;
#[path = "serve.rs"]
mod serve;
#[path = "tagger.rs"]
mod tagger;
#[path = "vim.rs"]
mod vim;
