//! Every editor setup in `editors/` parses and starts `plainly lsp`, and the README's
//! Editors table lists each one and says truly whether a test drives it.

use std::path::{Path, PathBuf};

use serde_json::Value;

const EDITORS: &[&str] = &["emacs", "helix", "kakoune", "neovim", "sublime", "vim", "vscode", "zed"];

/// The tests that drive a real editor, and the setup each drives.
const DRIVEN: &[(&str, &str)] = &[
    ("tests/emacs.rs", "editors/emacs/"),
    ("tests/kakoune.rs", "editors/kakoune/"),
    ("tests/neovim.rs", "editors/neovim/"),
    ("tests/vim.rs", "editors/vim/"),
];

/// Files that configure the build, not the server.
const NOT_LAUNCHERS: &[&str] = &["package-lock.json", "tsconfig.json"];

fn editors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("editors")
}

/// JSON and TOML files under `dir`, without installed dependencies and build output.
fn config_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap();
        if path.is_dir() {
            if name != "node_modules" && name != "out" {
                config_files(&path, out);
            }
        } else if [".json", ".toml", ".sublime-settings"].iter().any(|ext| name.ends_with(ext)) {
            out.push(path);
        }
    }
}

fn parse(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    if path.extension().is_some_and(|ext| ext == "toml") {
        let value: toml::Value = toml::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        serde_json::to_value(value).unwrap()
    } else {
        serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
    }
}

/// Whether `value` holds a way to run `plainly lsp`: `["plainly", "lsp"]`, or a command or
/// path naming plainly beside `args`/`arguments` of `["lsp"]`.
fn launches_plainly_lsp(value: &Value) -> bool {
    let is_plainly = |v: &Value| v.as_str().is_some_and(|s| Path::new(s).file_name().is_some_and(|n| n == "plainly"));
    match value {
        Value::Array(items) => {
            (items.len() == 2 && is_plainly(&items[0]) && items[1] == "lsp") || items.iter().any(launches_plainly_lsp)
        }
        Value::Object(map) => {
            let program = map.get("command").or_else(|| map.get("path"));
            let args = map.get("args").or_else(|| map.get("arguments"));
            (program.is_some_and(is_plainly) && args == Some(&serde_json::json!(["lsp"])))
                || map.values().any(launches_plainly_lsp)
        }
        _ => false,
    }
}

#[test]
fn every_editor_has_a_readme() {
    for editor in EDITORS {
        assert!(editors().join(editor).join("README.md").is_file(), "editors/{editor}/README.md is missing");
    }
}

#[test]
fn every_json_and_toml_setup_parses_and_launches_plainly_lsp() {
    let mut files = Vec::new();
    config_files(&editors(), &mut files);
    assert!(files.len() >= 5, "{files:?}");
    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap();
        let value = parse(&path);
        if NOT_LAUNCHERS.contains(&name) {
            continue;
        }
        if name == "package.json" {
            // The VS Code extension: its setting names the binary, its code adds `lsp`.
            let setting = &value["contributes"]["configuration"]["properties"]["plainly.path"]["default"];
            assert_eq!(setting, "plainly");
            let code = std::fs::read_to_string(path.with_file_name("src/extension.ts")).unwrap();
            assert!(code.contains(r#"args: ["lsp"]"#), "extension.ts does not start `plainly lsp`");
            continue;
        }
        assert!(launches_plainly_lsp(&value), "{} does not start `plainly lsp`", path.display());
    }
}

#[test]
fn neovim_emacs_and_vim_setups_launch_plainly_lsp() {
    let lua = std::fs::read_to_string(editors().join("neovim/plainly.lua")).unwrap();
    assert!(lua.contains(r#"M.cmd = { "plainly", "lsp" }"#));
    for api in ["vim.lsp.config(", "vim.lsp.enable(", "vim.lsp.start(", "vim.lsp.start_client(", "lspconfig"] {
        assert!(lua.contains(api), "plainly.lua does not use {api}");
    }
    let elisp = std::fs::read_to_string(editors().join("emacs/plainly.el")).unwrap();
    assert!(elisp.contains(r#"'("plainly" "lsp")"#));
    let vim = std::fs::read_to_string(editors().join("vim/plainly.vim")).unwrap();
    assert!(vim.contains("get(g:, 'plainly_executable', 'plainly')") && vim.contains("'command': '%e lsp'"));
}

/// The README's Editors table: one row per setup in `editors/`, and a last column that
/// says "yes: [`tests/…`]" exactly for the setups a test drives, "no: why" for the rest.
#[test]
fn the_readme_says_which_editors_a_test_drives() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let table = readme.split("| editor | setup | driven by a test |").nth(1).expect("the Editors table");
    let rows: Vec<&str> = table.lines().skip(2).take_while(|line| line.starts_with('|')).collect();
    let mut setups = Vec::new();
    for row in &rows {
        let setup = row.split("](editors/").nth(1).and_then(|rest| rest.split(['/', ')']).next());
        let setup = setup.unwrap_or_else(|| panic!("no editors/ link in {row}"));
        setups.push(setup);
        let driven_by = DRIVEN.iter().find(|(_, dir)| *dir == format!("editors/{setup}/"));
        let tested = row.rsplit('|').nth(1).unwrap().trim();
        match driven_by {
            Some((test, dir)) => {
                assert!(tested.starts_with(&format!("yes: [`{test}`]({test})")), "{row}");
                let code = std::fs::read_to_string(root.join(test)).unwrap();
                assert!(code.contains(dir), "{test} does not drive {dir}");
            }
            None => assert!(tested.starts_with("no: ") && tested.len() > 10, "{row}"),
        }
    }
    setups.sort_unstable();
    assert_eq!(setups, EDITORS, "the table's setups are not editors/'s");
}

/// `npm run package` (vsce) must work on a clone, so `.ci/run` runs it. vsce rewrites
/// relative links in the extension's README against `repository`; plainly has no public
/// home to name yet (Cargo.toml sets none), so the README has no relative links, and
/// package.json names the same repository as Cargo.toml, none or one.
#[test]
fn the_vscode_extension_packages_on_a_clone() {
    let dir = editors().join("vscode");
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    for (at, _) in readme.match_indices("](") {
        let target = &readme[at + 2..];
        let absolute = ["https://", "http://", "#"].iter().any(|scheme| target.starts_with(scheme));
        assert!(
            absolute,
            "editors/vscode/README.md links to {:?}, which vsce cannot resolve",
            &target[..20.min(target.len())]
        );
    }
    let package = parse(&dir.join("package.json"));
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(editors().join("../Cargo.toml")).unwrap()).unwrap();
    let cargo_repository = manifest["package"].get("repository").and_then(toml::Value::as_str);
    let npm_repository = package.get("repository").map(|r| r.get("url").unwrap_or(r).as_str().unwrap().to_string());
    assert_eq!(npm_repository.as_deref(), cargo_repository, "package.json and Cargo.toml name different repositories");
    let script = package["scripts"]["package"].as_str().unwrap();
    assert!(script.starts_with("vsce package"), "{script}");
    let ci = std::fs::read_to_string(editors().join("../.ci/run")).unwrap();
    assert!(ci.contains("npm run package"), ".ci/run does not package the extension");
}
