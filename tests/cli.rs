//! End-to-end tests of every command, as data: each `tests/cmd/*.toml` gives the
//! arguments, stdin, expected stdout/stderr and exit code; `*.in/` folders are the
//! working directories (with their files), `*.out/` the expected files afterwards.

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml").case("tests/cmd/*.md");
}
