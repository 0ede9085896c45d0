//! What a fresh clone promises beyond the code: the license files `Cargo.toml` names,
//! and install commands that build with the versions `Cargo.lock` pins.

use std::path::{Path, PathBuf};

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

#[test]
fn the_license_files_cargo_toml_promises_are_there() {
    assert!(read(&repository().join("Cargo.toml")).contains("license = \"MIT OR Apache-2.0\""));
    let mit = read(&repository().join("LICENSE-MIT"));
    assert!(mit.starts_with("MIT License\n\nCopyright (c) the plainly developers\n"), "{mit}");
    assert!(mit.contains("THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND"));
    let apache = read(&repository().join("LICENSE-APACHE"));
    assert!(apache.contains("Apache License\n                        Version 2.0, January 2004"));
    assert!(apache.contains("END OF TERMS AND CONDITIONS"));
}

/// README.md, bench/README.md and every editor's README.
fn readmes() -> Vec<PathBuf> {
    let mut files = vec![repository().join("README.md"), repository().join("bench/README.md")];
    for entry in std::fs::read_dir(repository().join("editors")).unwrap() {
        let readme = entry.unwrap().path().join("README.md");
        if readme.is_file() {
            files.push(readme);
        }
    }
    files
}

#[test]
fn every_cargo_install_is_locked() {
    // Without --locked, cargo install resolves the newest dependency versions, not the
    // ones the tests ran with.
    for path in readmes() {
        for (number, line) in read(&path).lines().enumerate() {
            // kak-lsp 16 is the one install that builds only without --locked, as its
            // README says; every install of plainly itself is locked.
            if line.contains("cargo install") && !line.contains("kak-lsp") {
                assert!(line.contains("--locked"), "{}:{}: {line}", path.display(), number + 1);
            }
        }
    }
}

#[test]
fn readme_links_work_from_a_clone() {
    // A link out of the repository (to the team's ../shared folder) is dead on a clone.
    let root = repository().canonicalize().unwrap();
    for path in readmes() {
        let text = read(&path);
        for (at, _) in text.match_indices("](") {
            let target = &text[at + 2..];
            let target = &target[..target.find(')').unwrap_or(target.len())];
            if target.contains("://") || target.starts_with('#') || target.starts_with("mailto:") {
                continue;
            }
            let file = target.split('#').next().unwrap();
            let resolved = path.parent().unwrap().join(file).canonicalize();
            assert!(
                resolved.is_ok_and(|resolved| resolved.starts_with(&root)),
                "{} links to {target}, which is not in the repository",
                path.display()
            );
        }
    }
}
