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

/// The bash script loads in bash and registers itself for `plainly`, as the README's
/// `source <(plainly completions bash)` does.
#[test]
fn bash_loads_the_completions() {
    let plainly = env!("CARGO_BIN_EXE_plainly");
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(r#"source <("$0" completions bash) && complete -p plainly"#)
        .arg(plainly)
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(
        stdout.starts_with("complete ") && stdout.contains("-F _plainly") && stdout.trim_end().ends_with(" plainly"),
        "{stdout}"
    );
}
