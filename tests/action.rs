//! The GitHub Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml): their
//! shape, and the action's own check script run with the action's inputs, exactly as a
//! runner would run it, against the plainly this test builds.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use yaml_rust2::{Yaml, YamlLoader};

fn load(name: &str) -> Yaml {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    let text = std::fs::read_to_string(&path).expect("the file exists");
    let mut docs = YamlLoader::load_from_str(&text).expect("valid YAML");
    assert_eq!(docs.len(), 1, "{name} is one YAML document");
    docs.remove(0)
}

fn text<'a>(yaml: &'a Yaml, key: &str) -> &'a str {
    yaml[key].as_str().unwrap_or_else(|| panic!("`{key}` is a string in {yaml:?}"))
}

/// The action's inputs and their defaults.
fn inputs(action: &Yaml) -> BTreeMap<String, String> {
    action["inputs"]
        .as_hash()
        .expect("inputs")
        .iter()
        .map(|(name, input)| {
            let default = input["default"].as_str().map(str::to_string).unwrap_or_default();
            (name.as_str().expect("input name").to_string(), default)
        })
        .collect()
}

fn step<'a>(action: &'a Yaml, name: &str) -> &'a Yaml {
    action["runs"]["steps"]
        .as_vec()
        .expect("steps")
        .iter()
        .find(|step| step["name"].as_str() == Some(name))
        .unwrap_or_else(|| panic!("a step named {name}"))
}

/// Evaluates the expressions a step's `env` may hold: `${{ inputs.NAME }}`, and the
/// pull-request context, which is empty outside a pull request.
fn evaluate(value: &str, inputs: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(start) = rest.find("${{") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("}}").expect("closed expression") + start;
        let expression = rest[start + 3..end].trim();
        let value = match expression.strip_prefix("inputs.") {
            Some(name) => evaluate(inputs.get(name).unwrap_or_else(|| panic!("no input {name}")), inputs),
            None if expression.starts_with("github.event.pull_request.") => String::new(),
            None => panic!("the test does not know `{expression}`"),
        };
        out.push_str(&value);
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

/// Runs the action's "Check" step in `dir` with these input values (over the defaults),
/// with the plainly under test first on PATH.
fn run_check_step(dir: &Path, overrides: &[(&str, &str)]) -> Output {
    let action = load("action.yml");
    let mut inputs = inputs(&action);
    for (name, value) in overrides {
        assert!(inputs.contains_key(*name), "the action has an input {name}");
        inputs.insert(name.to_string(), value.to_string());
    }
    let check = step(&action, "Check");
    assert_eq!(text(check, "shell"), "bash");
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_plainly"));
    let path = format!("{}:{}", bin.parent().expect("bin dir").display(), std::env::var("PATH").unwrap_or_default());
    let mut command = Command::new("bash");
    command
        .arg("-c")
        .arg(text(check, "run"))
        .current_dir(dir)
        .env("PATH", path)
        .env("GITHUB_ACTION_PATH", env!("CARGO_MANIFEST_DIR"))
        .env_remove("GITHUB_OUTPUT")
        // As on a runner: stdin is not a terminal.
        .stdin(Stdio::null());
    for (name, value) in check["env"].as_hash().expect("env") {
        let value = value.as_str().expect("env values are strings");
        command.env(name.as_str().expect("env name"), evaluate(value, &inputs));
    }
    command.output().expect("bash runs")
}

/// A small docs folder: info findings only, in the doc profile.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("docs")).expect("mkdir");
    std::fs::write(dir.path().join("docs/guide.md"), "# Guide\n\nWe leverage the cache to go faster.\n")
        .expect("write");
    std::fs::write(dir.path().join("docs/fine.md"), "# Fine\n\nNothing to see.\n").expect("write");
    dir
}

#[test]
fn action_shape() {
    let action = load("action.yml");
    assert_eq!(text(&action["runs"], "using"), "composite");
    let inputs = inputs(&action);
    let names: Vec<&str> = inputs.keys().map(String::as_str).collect();
    for name in ["paths", "profile", "fail-on", "min-score", "diff-base", "sarif", "format"] {
        assert!(names.contains(&name), "input {name} in {names:?}");
        assert!(action["inputs"][name]["description"].as_str().is_some(), "{name} is described");
    }
    assert_eq!(inputs["paths"], ".");
    assert_eq!(inputs["fail-on"], "warning");
    assert_eq!(inputs["format"], "github");
    assert_eq!(inputs["sarif"], "false");
    assert_eq!(inputs["diff-base"], "${{ github.event.pull_request.base.sha }}");

    let install = step(&action, "Install plainly");
    assert!(text(install, "run").contains("cargo install --locked"));
    assert!(text(install, "run").contains("--path \"$GITHUB_ACTION_PATH\""));
    let cache = step(&action, "Cache plainly");
    assert!(text(cache, "uses").starts_with("actions/cache@"));
}

#[test]
fn the_check_step_annotates_and_passes_on_info_findings() {
    let dir = fixture();
    let output = run_check_step(dir.path(), &[("paths", "docs")]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.starts_with("::notice file=docs/guide.md,line=3,col=4,"), "{stdout}");
    assert!(stdout.contains("title=plainly (jargon)::"), "{stdout}");
    assert!(stdout.ends_with("plainly: checked 2 files: 1 info; lowest clarity 98/100 (docs/guide.md)\n"), "{stdout}");
    assert!(!dir.path().join("plainly.sarif").exists(), "sarif is off by default");
}

#[test]
fn the_check_step_fails_on_its_threshold_and_still_writes_sarif() {
    let dir = fixture();
    std::fs::write(dir.path().join("docs/times.md"), "# Times\n\nThe build runs at 3pm.\n").expect("write");
    let output = run_check_step(dir.path(), &[("paths", "docs"), ("sarif", "true"), ("min-score", "95")]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("::warning file=docs/times.md,line=3,"), "{stdout}");
    let sarif = std::fs::read_to_string(dir.path().join("plainly.sarif")).expect("plainly.sarif is written");
    let log: serde_json::Value = serde_json::from_str(&sarif).expect("JSON");
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"][0]["results"].as_array().map(Vec::len), Some(2));
}

#[test]
fn the_check_step_passes_its_inputs_through() {
    let dir = fixture();
    let output = run_check_step(dir.path(), &[("paths", "docs/guide.md"), ("fail-on", "info"), ("format", "json")]);
    assert_eq!(output.status.code(), Some(1), "fail-on info fails on the jargon finding");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["files"].as_array().map(Vec::len), Some(1));

    let output = run_check_step(dir.path(), &[("paths", "docs"), ("profile", "message"), ("format", "json")]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["files"][0]["profile"], "message");

    // A diff base that is not in the checkout is explained, not a bare git error.
    let output = run_check_step(dir.path(), &[("paths", "docs"), ("diff-base", "0123abc")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stdout).contains("fetch-depth: 0"));
}

#[test]
fn the_check_step_reports_only_the_change_with_a_diff_base() {
    let dir = fixture();
    let git = |args: &[&str]| {
        let output = Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Sam")
            .env("GIT_AUTHOR_EMAIL", "sam@example.com")
            .env("GIT_COMMITTER_NAME", "Sam")
            .env("GIT_COMMITTER_EMAIL", "sam@example.com")
            .output()
            .expect("git runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "--no-gpg-sign", "-m", "docs"]);
    let base = git(&["rev-parse", "HEAD"]);
    // A warning in docs: a time without a zone (a vague "ASAP" would be info there).
    std::fs::write(dir.path().join("docs/fine.md"), "# Fine\n\nNothing to see.\n\nShip it by 3pm.\n").expect("write");

    let output = run_check_step(dir.path(), &[("paths", "docs"), ("diff-base", &base)]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    let annotations: Vec<&str> = stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 1, "only the new line, not guide.md's jargon: {stdout}");
    assert!(annotations[0].starts_with("::warning file=docs/fine.md,line=5,"), "{stdout}");
}

#[test]
fn pre_commit_hook() {
    let hooks = load(".pre-commit-hooks.yaml");
    let hooks = hooks.as_vec().expect("a list of hooks");
    assert_eq!(hooks.len(), 1);
    let hook = &hooks[0];
    assert_eq!(text(hook, "id"), "plainly");
    assert_eq!(text(hook, "entry"), "plainly check");
    assert_eq!(text(hook, "language"), "rust");
    assert_eq!(hook["pass_filenames"].as_bool(), Some(true));
    let types: Vec<&str> = hook["types_or"].as_vec().expect("types_or").iter().filter_map(Yaml::as_str).collect();
    assert!(types.contains(&"markdown") && types.contains(&"plain-text"), "{types:?}");
    assert!(!types.contains(&"text"), "`text` would pass every source file as prose");
}
