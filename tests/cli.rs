//! End-to-end tests of every command, as data: each `tests/cmd/*.toml` gives the
//! arguments, stdin, expected stdout/stderr and exit code; `*.in/` folders are the
//! working directories (with their files), `*.out/` the expected files afterwards.
//!
//! trycmd always gives a command a pipe for stdin, so cases about other kinds of stdin
//! (`/dev/null`, a redirected file) run `sh -c '"$PLAINLY" check < …'`.

#[test]
fn cli() {
    trycmd::TestCases::new()
        .register_bin("sh", std::path::Path::new("/bin/sh"))
        .env("PLAINLY", env!("CARGO_BIN_EXE_plainly"))
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*.md");
}
