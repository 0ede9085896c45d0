//! The GitHub Action (action.yml) and the pre-commit hooks (.pre-commit-hooks.yaml): their
//! shape, the action's download step run against a fake release folder, and the action's
//! check script run with the action's inputs, exactly as a runner would run them, against
//! the plainly this test builds.

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

/// Evaluates the expressions a step's `env` may hold: `${{ inputs.NAME }}`, the
/// `github` context given, and the pull-request context, which is empty outside a pull
/// request.
fn evaluate(value: &str, inputs: &BTreeMap<String, String>, github: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(start) = rest.find("${{") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("}}").expect("closed expression") + start;
        let expression = rest[start + 3..end].trim();
        let value = match expression.strip_prefix("inputs.") {
            Some(name) => evaluate(inputs.get(name).unwrap_or_else(|| panic!("no input {name}")), inputs, github),
            None if expression.starts_with("github.event.pull_request.") => String::new(),
            None if github.iter().any(|(name, _)| expression == format!("github.{name}")) => github
                .iter()
                .find(|(name, _)| expression == format!("github.{name}"))
                .map(|(_, v)| v.to_string())
                .unwrap_or_default(),
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
        command.env(name.as_str().expect("env name"), evaluate(value, &inputs, &[]));
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

    // The release is downloaded first; cargo (and its cache) only when none matched.
    let steps: Vec<&str> =
        action["runs"]["steps"].as_vec().expect("steps").iter().filter_map(|s| s["name"].as_str()).collect();
    assert_eq!(steps[0], "Download plainly");
    let download = step(&action, "Download plainly");
    assert!(text(download, "run").contains("action/install.py"));
    let install = step(&action, "Install plainly");
    assert!(text(install, "run").contains("cargo install --locked"));
    assert!(text(install, "run").contains("--path \"$GITHUB_ACTION_PATH\""));
    assert!(text(install, "if").contains("steps.download.outputs.installed != 'true'"));
    let cache = step(&action, "Cache plainly");
    assert!(text(cache, "uses").starts_with("actions/cache@"));
    assert!(text(cache, "if").contains("steps.download.outputs.installed != 'true'"));
}

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A fake release folder as the release workflow fills one: `v{VERSION}/` holds
/// `plainly-TARGET.tar.gz` (`.zip` for Windows) with `plainly-TARGET/plainly` inside
/// and `sha256sum`'s line for it in `ARCHIVE.sha256`. The binary is a script that
/// answers `--version` as plainly does: the unoptimised test build is over 100 MB, and
/// archiving it would make these tests take a minute.
fn fake_releases(targets: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let assets = dir.path().join(format!("v{VERSION}"));
    let stage = dir.path().join("stage");
    std::fs::create_dir_all(&assets).expect("mkdir");
    for target in targets {
        let name = format!("plainly-{target}");
        let windows = target.contains("windows");
        std::fs::create_dir_all(stage.join(&name)).expect("mkdir");
        let exe = if windows { "plainly.exe" } else { "plainly" };
        let binary = stage.join(&name).join(exe);
        std::fs::write(&binary, format!("#!/bin/sh\necho 'plainly {VERSION}'\n")).expect("write binary");
        make_executable(&binary);
        let archive = if windows { format!("{name}.zip") } else { format!("{name}.tar.gz") };
        let made = if windows {
            Command::new("python3")
                .args(["-m", "zipfile", "-c"])
                .arg(assets.join(&archive))
                .arg(&name)
                .current_dir(&stage)
                .status()
        } else {
            Command::new("tar").arg("-czf").arg(assets.join(&archive)).arg(&name).current_dir(&stage).status()
        };
        assert!(made.expect("archiver runs").success());
        let sum = Command::new("sha256sum").arg(&archive).current_dir(&assets).output().expect("sha256sum runs");
        std::fs::write(assets.join(format!("{archive}.sha256")), sum.stdout).expect("write checksum");
    }
    dir
}

#[cfg(unix)]
fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[cfg(not(unix))]
fn make_executable(_: &Path) {}

/// Runs the action's "Download plainly" step as a runner would, with `env` over a
/// Linux x86_64 runner whose action ref is this version's tag, reading releases from
/// `releases`. Returns the output, `$GITHUB_OUTPUT`, and `$RUNNER_TEMP`.
fn run_download_step(
    releases: &Path,
    github: &[(&str, &str)],
    env: &[(&str, &str)],
) -> (Output, String, tempfile::TempDir) {
    let action = load("action.yml");
    let download = step(&action, "Download plainly");
    assert_eq!(text(download, "shell"), "bash");
    let runner_temp = tempfile::tempdir().expect("temp dir");
    let output_file = runner_temp.path().join("github-output");
    let mut command = Command::new("bash");
    command
        .arg("-eo")
        .arg("pipefail")
        .arg("-c")
        .arg(text(download, "run"))
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .env("RUNNER_TEMP", runner_temp.path())
        .env("GITHUB_OUTPUT", &output_file)
        .env("GITHUB_ACTION_PATH", env!("CARGO_MANIFEST_DIR"))
        .env("PLAINLY_RELEASES_URL", releases)
        .stdin(Stdio::null());
    let tag = format!("v{VERSION}");
    let mut context = vec![("action_ref", tag.as_str()), ("action_repository", "OWNER/plainly")];
    for (name, value) in github {
        context.retain(|(n, _)| n != name);
        context.push((name, value));
    }
    for (name, value) in download["env"].as_hash().expect("env") {
        let value = value.as_str().expect("env values are strings");
        command.env(name.as_str().expect("env name"), evaluate(value, &BTreeMap::new(), &context));
    }
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("bash runs");
    let written = std::fs::read_to_string(&output_file).unwrap_or_default();
    (output, written, runner_temp)
}

fn show(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[test]
fn the_download_step_installs_the_release_for_the_runner() {
    let releases = fake_releases(&["x86_64-unknown-linux-musl", "aarch64-unknown-linux-musl"]);
    let (output, written, runner_temp) = run_download_step(releases.path(), &[], &[]);
    assert!(output.status.success(), "{}", show(&output));
    assert_eq!(written, "installed=true\n", "{}", show(&output));
    let plainly = runner_temp.path().join("plainly/bin/plainly");
    let version = Command::new(&plainly).arg("--version").output().expect("the installed plainly runs");
    assert_eq!(String::from_utf8_lossy(&version.stdout), format!("plainly {VERSION}\n"));
    assert!(
        show(&output).contains(&format!("installed plainly {VERSION} for x86_64-unknown-linux-musl from ")),
        "{}",
        show(&output)
    );

    // The other architecture gets its own archive; a moving major tag names the same release.
    let major = format!("v{}", VERSION.split('.').next().expect("major"));
    let (output, written, _) =
        run_download_step(releases.path(), &[("action_ref", &major)], &[("RUNNER_ARCH", "ARM64")]);
    assert_eq!(written, "installed=true\n", "{}", show(&output));
    assert!(show(&output).contains("for aarch64-unknown-linux-musl"), "{}", show(&output));
}

#[test]
fn the_download_step_falls_back_to_cargo_only_when_no_release_matches() {
    let releases = fake_releases(&["x86_64-unknown-linux-musl"]);
    for (github, env, why) in [
        (vec![("action_ref", "main")], vec![], "the action's ref main is not the release tag"),
        (vec![("action_ref", "0123456789abcdef0123456789abcdef01234567")], vec![], "is not the release tag"),
        (vec![], vec![("RUNNER_ARCH", "ARM64")], "the release has no plainly-aarch64-unknown-linux-musl.tar.gz"),
        (vec![], vec![("RUNNER_ARCH", "X86")], "no prebuilt binary for Linux on X86"),
        (vec![], vec![("RUNNER_OS", "FreeBSD")], "no prebuilt binary for FreeBSD on X64"),
        (vec![("action_ref", "v99.0.0")], vec![], "is not the release tag"),
    ] {
        let (output, written, runner_temp) = run_download_step(releases.path(), &github, &env);
        assert!(output.status.success(), "{why}: {}", show(&output));
        assert_eq!(written, "installed=false\n", "{why}: {}", show(&output));
        assert!(show(&output).contains(why), "{why}: {}", show(&output));
        assert!(show(&output).contains("building it with cargo instead"), "{}", show(&output));
        assert!(!runner_temp.path().join("plainly/bin/plainly").exists());
    }
}

#[test]
fn the_download_step_refuses_a_release_whose_checksum_does_not_match() {
    let releases = fake_releases(&["x86_64-unknown-linux-musl"]);
    let sum = releases.path().join(format!("v{VERSION}/plainly-x86_64-unknown-linux-musl.tar.gz.sha256"));
    let line = std::fs::read_to_string(&sum).expect("checksum");
    std::fs::write(&sum, format!("{}{}", "0".repeat(64), &line[64..])).expect("write");
    let (output, written, runner_temp) = run_download_step(releases.path(), &[], &[]);
    assert_eq!(output.status.code(), Some(1), "{}", show(&output));
    assert_eq!(written, "", "no fallback to cargo on a bad checksum");
    assert!(show(&output).starts_with("::error title=plainly::"), "{}", show(&output));
    assert!(show(&output).contains("plainly-x86_64-unknown-linux-musl.tar.gz: SHA-256 is "), "{}", show(&output));
    assert!(
        show(&output).contains(&format!("but plainly-x86_64-unknown-linux-musl.tar.gz.sha256 says {}", "0".repeat(64)))
    );
    assert!(!runner_temp.path().join("plainly/bin/plainly").exists());
}

#[test]
fn install_script_reads_windows_zips_and_the_ref_from_the_action_path() {
    // On a runner, the action is checked out at …/_actions/OWNER/NAME/REF; the ref and
    // repository come from there when the runner leaves github.action_ref empty.
    let releases = fake_releases(&["x86_64-pc-windows-msvc"]);
    let actions = tempfile::tempdir().expect("temp dir");
    let action_path = actions.path().join(format!("_actions/OWNER/plainly/v{VERSION}"));
    std::fs::create_dir_all(&action_path).expect("mkdir");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"), action_path.join("Cargo.toml"))
        .expect("copy");
    let dest = tempfile::tempdir().expect("temp dir");
    let output = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("action/install.py"))
        .arg("--dest")
        .arg(dest.path())
        .arg("--action-path")
        .arg(&action_path)
        .args(["--os", "Windows", "--arch", "X64"])
        .env("PLAINLY_RELEASES_URL", format!("file://{}", releases.path().display()))
        .env_remove("PLAINLY_ACTION_REF")
        .env_remove("PLAINLY_ACTION_REPOSITORY")
        .env_remove("GITHUB_OUTPUT")
        .output()
        .expect("python3 runs");
    assert!(output.status.success(), "{}", show(&output));
    assert!(show(&output).contains("for x86_64-pc-windows-msvc from file://"), "{}", show(&output));
    assert!(dest.path().join("bin/plainly.exe").exists());
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

fn hooks(path: &str) -> Vec<Yaml> {
    load(path).into_vec().expect("a list of hooks")
}

fn hook<'a>(hooks: &'a [Yaml], id: &str) -> &'a Yaml {
    hooks.iter().find(|hook| hook["id"].as_str() == Some(id)).unwrap_or_else(|| panic!("a hook {id}"))
}

#[test]
fn pre_commit_hooks() {
    let hooks = hooks(".pre-commit-hooks.yaml");
    let ids: Vec<&str> = hooks.iter().filter_map(|h| h["id"].as_str()).collect();
    assert_eq!(ids, ["plainly", "plainly-commit-msg"]);

    let files = hook(&hooks, "plainly");
    assert_eq!(text(files, "entry"), "plainly check");
    assert_eq!(text(files, "language"), "rust");
    assert_eq!(files["pass_filenames"].as_bool(), Some(true));
    let types: Vec<&str> = files["types_or"].as_vec().expect("types_or").iter().filter_map(Yaml::as_str).collect();
    assert!(types.contains(&"markdown") && types.contains(&"plain-text"), "{types:?}");
    assert!(!types.contains(&"text"), "`text` would pass every source file as prose");
    let stages: Vec<&str> = files["stages"].as_vec().expect("stages").iter().filter_map(Yaml::as_str).collect();
    assert!(stages.contains(&"pre-commit") && !stages.contains(&"commit-msg"), "{stages:?}");

    // pre-commit passes .git/COMMIT_EDITMSG, which plainly reads as a commit message.
    let message = hook(&hooks, "plainly-commit-msg");
    assert_eq!(text(message, "entry"), "plainly check");
    let stages: Vec<&str> = message["stages"].as_vec().expect("stages").iter().filter_map(Yaml::as_str).collect();
    assert_eq!(stages, ["commit-msg"]);
}

/// The mirror's hooks are the same hooks, installed from the wheel, and its package pins
/// this version of plainly.
#[test]
fn pre_commit_mirror_matches_the_hooks() {
    let ours = hooks(".pre-commit-hooks.yaml");
    let mirror = hooks("pre-commit-mirror/.pre-commit-hooks.yaml");
    assert_eq!(mirror.len(), ours.len());
    for (mirrored, hook) in mirror.iter().zip(&ours) {
        assert_eq!(text(mirrored, "language"), "python");
        let (Yaml::Hash(mirrored), Yaml::Hash(hook)) = (mirrored, hook) else { panic!("hooks are maps") };
        let differs: Vec<&Yaml> = hook.keys().filter(|key| mirrored.get(*key) != hook.get(*key)).collect();
        assert_eq!(differs, [&Yaml::String("language".into())], "only the language differs");
        assert_eq!(mirrored.len(), hook.len());
    }
    let pyproject =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("pre-commit-mirror/pyproject.toml"))
            .expect("pre-commit-mirror/pyproject.toml");
    let version = env!("CARGO_PKG_VERSION");
    assert!(pyproject.contains(&format!("dependencies = [\"plainly=={version}\"]")), "pin plainly=={version}");
    assert!(pyproject.contains(&format!("version = \"{version}\"")), "the mirror's own version is plainly's");
}
