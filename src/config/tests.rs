use super::*;

fn parse(text: &str) -> Result<Settings, ConfigError> {
    Settings::parse(Path::new("plainly.toml"), text, crate::rules::catalogue())
}

#[test]
fn empty_config_is_the_default() {
    let settings = parse("").unwrap();
    let rule = crate::rules::by_id("jargon").unwrap().meta();
    assert_eq!(settings.severity(rule, Profile::Doc), Some(Severity::Info));
}

#[test]
fn rules_can_be_turned_off_and_reconfigured() {
    let settings =
        parse("[rules]\nhedge = \"off\"\njargon = \"warning\"\nlong-sentence = { max-words = 25 }\n").unwrap();
    let meta = |id: &str| crate::rules::by_id(id).unwrap().meta();
    assert_eq!(settings.severity(meta("hedge"), Profile::Message), None);
    assert_eq!(settings.severity(meta("jargon"), Profile::Message), Some(Severity::Warning));
    assert_eq!(settings.option(meta("long-sentence"), "max-words"), 25);
}

#[test]
fn only_keeps_one_rule_as_the_config_sets_it() {
    let settings = parse("[rules]\njargon = \"warning\"\n").unwrap().only("jargon", crate::rules::catalogue());
    let meta = |id: &str| crate::rules::by_id(id).unwrap().meta();
    assert_eq!(settings.severity(meta("jargon"), Profile::Message), Some(Severity::Warning));
    assert_eq!(settings.severity(meta("long-sentence"), Profile::Message), None);
    assert_eq!(settings.severity(meta("missing-ask"), Profile::Message), None);
}

#[test]
fn a_rule_switched_on_runs_where_it_may() {
    let meta = |id: &str| crate::rules::by_id(id).unwrap().meta();
    let settings = parse("[rules]\ntoo-long = \"off\"\njargon = \"warning\"\n").unwrap();
    assert_eq!(settings.severity(meta("too-long"), Profile::Doc), None);
    let settings =
        settings.with_rule_on("too-long", crate::rules::catalogue()).with_rule_on("jargon", crate::rules::catalogue());
    assert_eq!(settings.severity(meta("too-long"), Profile::Doc), Some(Severity::Warning));
    assert_eq!(settings.severity(meta("jargon"), Profile::Doc), Some(Severity::Warning), "the config's severity stays");
    // Never where it may not run: missing-ask reads no docs.
    let settings = settings.with_rule_on("missing-ask", crate::rules::catalogue());
    assert_eq!(settings.severity(meta("missing-ask"), Profile::Doc), None);
}

#[test]
fn message_rules_never_run_in_docs() {
    let settings = parse("[rules]\nmissing-ask = \"error\"\ntoo-long = \"on\"\n").unwrap();
    let meta = |id: &str| crate::rules::by_id(id).unwrap().meta();
    assert_eq!(settings.severity(meta("missing-ask"), Profile::Doc), None);
    assert_eq!(settings.severity(meta("too-long"), Profile::Doc), Some(Severity::Warning));
}

#[test]
fn errors_name_line_and_column() {
    let err = parse("glossary = [\"KEP\"]\n[rules]\njargn = \"off\"\n").unwrap_err();
    assert_eq!((err.line, err.column), (3, 1));
    assert!(err.message.contains("unknown rule `jargn`"), "{}", err.message);

    let err = parse("[rules]\nlong-sentence = { max-wrds = 3 }\n").unwrap_err();
    assert_eq!((err.line, err.column), (2, 19));
    assert!(err.message.contains("has no option `max-wrds`"), "{}", err.message);

    let err = parse("[rules]\nlong-sentence = { max-words = -3 }\n").unwrap_err();
    assert_eq!((err.line, err.column), (2, 31));

    let err = parse("exclud = []\n").unwrap_err();
    assert_eq!((err.line, err.column), (1, 1));

    let err = parse("[rules]\nhedge = \"loud\"\n").unwrap_err();
    assert_eq!(err.line, 2);

    let err = parse("glossary = 3\n").unwrap_err();
    assert_eq!((err.line, err.column), (1, 12));

    let err = parse("[profiles]\n\"docs/**\" = \"docs\"\n").unwrap_err();
    assert_eq!(err.line, 2);
}

#[test]
fn profiles_map_globs_relative_to_the_config() {
    let settings = Settings::parse(
        Path::new("/repo/plainly.toml"),
        "[profiles]\n\"updates/**\" = \"standup\"\n\"*.txt\" = \"doc\"\n",
        crate::rules::catalogue(),
    )
    .unwrap();
    assert_eq!(settings.profile_for(Path::new("/repo/updates/2026/w3.md")), Some(Profile::Standup));
    assert_eq!(settings.profile_for(Path::new("/repo/deep/notes.txt")), Some(Profile::Doc));
    assert_eq!(settings.profile_for(Path::new("/repo/README.md")), None);
}

#[test]
fn excludes_use_gitignore_syntax() {
    let settings = Settings::parse(
        Path::new("/repo/plainly.toml"),
        "exclude = [\"vendor/\", \"CHANGELOG.md\"]\n",
        crate::rules::catalogue(),
    )
    .unwrap();
    assert!(settings.is_excluded(Path::new("/repo/vendor"), true));
    assert!(settings.is_excluded(Path::new("/repo/vendor/a.md"), false));
    assert!(settings.is_excluded(Path::new("/repo/docs/CHANGELOG.md"), false));
    assert!(!settings.is_excluded(Path::new("/repo/docs/a.md"), false));
}

#[test]
fn a_top_level_key_after_a_table_is_named_as_such() {
    let err = parse("[rules]\njargon = \"warning\"\nglossary = [\"KEP\"]\n").unwrap_err();
    assert_eq!((err.line, err.column), (3, 1));
    assert_eq!(
        err.message,
        "`glossary` is a top-level key: move it above `[rules]` (in TOML, keys after a [table] header belong to that table)"
    );
    let err = parse("[team]\ntimezone = \"Europe/Berlin\"\nexclude = [\"drafts/\"]\n").unwrap_err();
    assert!(err.message.starts_with("`exclude` is a top-level key: move it above `[team]`"), "{}", err.message);
    let err = parse("[profiles]\n\"docs/**\" = \"doc\"\nmax-file-size = 100\n").unwrap_err();
    assert!(
        err.message.starts_with("`max-file-size` is a top-level key: move it above `[profiles]`"),
        "{}",
        err.message
    );
    // In [profiles] a key is a pattern: a file named "glossary" may well be a doc.
    assert!(parse("[profiles]\n\"glossary\" = \"doc\"\n").is_ok());
}

#[test]
fn language_detection_can_be_turned_off() {
    assert!(parse("").unwrap().detect_language);
    assert!(!parse("[language]\ndetect = false\n").unwrap().detect_language);
    // With detection off, a German message gets the English rules, as a team asked.
    let settings = parse("[language]\ndetect = false\n").unwrap();
    let text = "Hallo zusammen, könnt ihr bitte bis Freitag den Bericht prüfen?";
    let checked = crate::check(text, crate::FileKind::Text, Profile::Message, &settings);
    assert_eq!(checked.language, None);
    let detected = crate::check(text, crate::FileKind::Text, Profile::Message, &Settings::default());
    assert_eq!(detected.language.map(|l| l.code), Some("deu"));
    assert!(detected.findings.is_empty(), "{:?}", detected.findings);
    assert!(parse("[language]\nguess = 1\n").is_err());
}
