//! The README's rule table is generated from the rules' metadata. If it is out of date,
//! this test rewrites it and fails, so the next run (and the commit) has it right
//! (rust-analyzer's `ensure_file_contents`).

use std::path::Path;

const START: &str = "<!-- rules:start -->\n";
const END: &str = "<!-- rules:end -->";

#[test]
fn readme_rule_table_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme.find(START).expect("README.md has a rules:start marker") + START.len();
    let end = readme.find(END).expect("README.md has a rules:end marker");
    let expected = plainly::docs::readme_table();
    if readme[start..end] != expected {
        let updated = format!("{}{}{}", &readme[..start], expected, &readme[end..]);
        std::fs::write(&path, updated).unwrap();
        panic!("README.md was out of date; updated it, commit the change");
    }
}

#[test]
fn every_rule_has_an_explain_page() {
    for rule in plainly::rules::ALL {
        let page = plainly::docs::explain(rule.meta());
        assert!(page.starts_with(&format!("# {}\n", rule.meta().id)));
        assert!(page.contains("Score weight"));
        assert!(page.contains("## Flagged") && page.contains("## Fine"));
    }
}
