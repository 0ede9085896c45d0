//! A test that needs what this machine lacks (`../shared` beside the clone, Neovim, a
//! user that file modes bind) skips, and says so where `cargo test` shows it.

use std::io::Write;

/// Says that the running test was skipped, and why. libtest captures `eprintln!` and
/// shows it only for a failing test; a write straight to stderr is always shown, so a
/// clone without `../shared` lists what it did not test.
pub fn because(why: &str) {
    let test = std::thread::current().name().unwrap_or("a test").to_string();
    let _ = writeln!(std::io::stderr(), "skipped tests/{}.rs: {test}: {why}", env!("CARGO_CRATE_NAME"));
}
