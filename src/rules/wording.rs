//! Alternatives that read as English where they replace a phrase: a phrase list's plain
//! alternative takes the inflection and the pronoun of the words it replaces. "circling
//! back" becomes "following up", not "follow up"; "ping you" becomes "message you", not
//! "message me".
//!
//! An entry's alternatives are written for its first form ("circle back" → "follow up",
//! "ping me" → "message me"): a verb phrase's verb first, a noun phrase's noun last.

/// `alternative`, written for an entry's first form (`forms[0]`), fitted to `matched` (the
/// words it replaces, one of `forms`): the verb inflected as the matched verb is, the noun
/// made plural when the matched noun is, the pronoun made the matched one, and the
/// determiner the entry's forms end in kept ("socialize the" → "share the").
///
/// An entry is a verb's when one of its forms inflects its first word ("circle back",
/// "circling back"); then a matched "-s" form is a verb's too ("leverages" → "uses").
/// Otherwise a matched plural makes the alternative's last word plural ("synergies" →
/// "combined benefits").
pub(crate) fn fit(forms: &[String], matched: &str, alternative: &str) -> String {
    let base: Vec<String> = forms.first().map_or_else(|| words(matched), |f| words(f));
    let found: Vec<String> = words(matched);
    let mut out: Vec<String> = alternative.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
    let is_verb = base.first().is_some_and(|first| {
        forms.iter().any(|form| {
            words(form)
                .first()
                .is_some_and(|w| w != first && matches!(inflection(first, w), Some(Form::Ing | Form::Past)))
        })
    });
    if let (Some(b), Some(f)) = (base.first(), found.first()) {
        if b != f && is_verb {
            if let (Some(form), Some(first)) = (inflection(b, f), out.first_mut()) {
                *first = inflect(first, form);
            }
        }
    }
    if !is_verb {
        if let (Some(b), Some(f), Some(last)) = (base.last(), found.last(), out.last_mut()) {
            if b != f && is_plural_of(f, b) {
                *last = pluralize(last);
            }
        }
    }
    if let Some(pronoun) = found.iter().find(|w| OBJECTS.contains(&w.as_str()) || POSSESSIVES.contains(&w.as_str())) {
        let class = if OBJECTS.contains(&pronoun.as_str()) { OBJECTS } else { POSSESSIVES };
        for word in &mut out {
            if class.contains(&word.to_lowercase().as_str()) {
                *word = pronoun.clone();
            }
        }
    }
    // "socialize the" → "share the": the determiner the phrase ends in stays.
    // A determiner is a slot of the entry when its forms end in different ones.
    let lasts: Vec<String> = forms.iter().filter_map(|f| words(f).pop()).collect();
    let base_ends_in_one =
        lasts.iter().all(|w| DETERMINERS.contains(&w.as_str())) && lasts.iter().any(|w| Some(w) != lasts.first());
    if let Some(last) = found.last().filter(|w| base_ends_in_one && DETERMINERS.contains(&w.as_str())) {
        if out.last().is_none_or(|w| !DETERMINERS.contains(&w.to_lowercase().as_str())) {
            out.push(last.clone());
        }
    }
    out.join(" ")
}

/// Words a phrase may end in that belong to what follows it.
const DETERMINERS: &[&str] = &["the", "this", "that", "these", "those", "it"];

/// Object pronouns: "ping me", "loop you in".
const OBJECTS: &[&str] = &["me", "you", "us", "him", "her", "them"];

/// Possessive pronouns: "on my plate", "pick your brain".
const POSSESSIVES: &[&str] = &["my", "your", "our", "his", "their"];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// How a verb is inflected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// "circling".
    Ing,
    /// "circled", "came".
    Past,
    /// "circles".
    ThirdPerson,
}

/// How `found` inflects the verb `base`, if it does.
fn inflection(base: &str, found: &str) -> Option<Form> {
    if inflect(base, Form::Ing) == found {
        Some(Form::Ing)
    } else if inflect(base, Form::Past) == found || participle(base).is_some_and(|p| p == found) {
        Some(Form::Past)
    } else if inflect(base, Form::ThirdPerson) == found {
        Some(Form::ThirdPerson)
    } else {
        None
    }
}

/// Verbs whose past is not "-ed": (base, past, participle).
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("be", "was", "been"),
    ("bring", "brought", "brought"),
    ("build", "built", "built"),
    ("buy", "bought", "bought"),
    ("choose", "chose", "chosen"),
    ("come", "came", "come"),
    ("cut", "cut", "cut"),
    ("do", "did", "done"),
    ("drink", "drank", "drunk"),
    ("find", "found", "found"),
    ("get", "got", "got"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("have", "had", "had"),
    ("hold", "held", "held"),
    ("keep", "kept", "kept"),
    ("let", "let", "let"),
    ("know", "knew", "known"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("make", "made", "made"),
    ("meet", "met", "met"),
    ("put", "put", "put"),
    ("read", "read", "read"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shoot", "shot", "shot"),
    ("speak", "spoke", "spoken"),
    ("take", "took", "taken"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("understand", "understood", "understood"),
    ("write", "wrote", "written"),
];

fn participle(base: &str) -> Option<&'static str> {
    IRREGULAR.iter().find(|(b, ..)| *b == base).map(|(.., p)| *p)
}

/// Whether a verb doubles its last consonant before "-ing" and "-ed": one syllable
/// ending in a single vowel and a consonant ("stop", "plan", "chat").
fn doubles(verb: &str) -> bool {
    let chars: Vec<char> = verb.chars().collect();
    let vowel = |c: char| "aeiou".contains(c);
    let n = chars.len();
    n >= 3
        && chars.iter().filter(|c| vowel(**c)).count() == 1
        && !vowel(chars[n - 1])
        && !"wxy".contains(chars[n - 1])
        && vowel(chars[n - 2])
        && !vowel(chars[n - 3])
}

/// `verb` in `form`, keeping the case of its first letter.
fn inflect(verb: &str, form: Form) -> String {
    let lower = verb.to_lowercase();
    let irregular = IRREGULAR.iter().find(|(b, ..)| *b == lower);
    let stem = lower.as_str();
    let out = match form {
        Form::Ing if stem.ends_with("ie") => format!("{}ying", &stem[..stem.len() - 2]),
        Form::Ing if stem.ends_with('e') && !stem.ends_with("ee") && !stem.ends_with("ye") && stem != "be" => {
            format!("{}ing", &stem[..stem.len() - 1])
        }
        Form::Ing if doubles(stem) => format!("{stem}{}ing", &stem[stem.len() - 1..]),
        Form::Ing => format!("{stem}ing"),
        Form::Past if irregular.is_some() => irregular.map(|(_, past, _)| past.to_string()).unwrap_or_default(),
        Form::Past if stem.ends_with('e') => format!("{stem}d"),
        Form::Past if ends_consonant_y(stem) => format!("{}ied", &stem[..stem.len() - 1]),
        Form::Past if doubles(stem) => format!("{stem}{}ed", &stem[stem.len() - 1..]),
        Form::Past => format!("{stem}ed"),
        Form::ThirdPerson if stem == "have" => "has".to_string(),
        Form::ThirdPerson if ends_consonant_y(stem) => format!("{}ies", &stem[..stem.len() - 1]),
        Form::ThirdPerson if ["s", "sh", "ch", "x", "z", "o"].iter().any(|e| stem.ends_with(e)) => format!("{stem}es"),
        Form::ThirdPerson => format!("{stem}s"),
    };
    if verb.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = out.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
    } else {
        out
    }
}

fn ends_consonant_y(word: &str) -> bool {
    let mut rev = word.chars().rev();
    rev.next() == Some('y') && rev.next().is_some_and(|c| !"aeiou".contains(c))
}

/// A noun phrase made plural: its last word ("engineering manager" → "engineering
/// managers").
pub(crate) fn plural(phrase: &str) -> String {
    match phrase.rsplit_once(' ') {
        Some((head, last)) => format!("{head} {}", pluralize(last)),
        None => pluralize(phrase),
    }
}

fn is_plural_of(plural: &str, singular: &str) -> bool {
    pluralize(singular) == plural
}

fn pluralize(noun: &str) -> String {
    if ends_consonant_y(noun) {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if ["s", "sh", "ch", "x", "z"].iter().any(|e| noun.ends_with(e)) {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(forms: &[&str]) -> Vec<String> {
        forms.iter().map(|f| f.to_string()).collect()
    }

    #[test]
    fn verbs_take_the_matched_inflection() {
        let circle = forms(&["circle back", "circling back", "circled back", "circles back"]);
        assert_eq!(fit(&circle, "circling back", "follow up"), "following up");
        assert_eq!(fit(&circle, "circled back", "come back to"), "came back to");
        assert_eq!(fit(&circle, "circles back", "follow up"), "follows up");
        assert_eq!(fit(&circle, "circle back", "follow up"), "follow up");
        let leverage = forms(&["leverage", "leverages", "leveraged", "leveraging"]);
        assert_eq!(fit(&leverage, "leveraging", "use"), "using");
        assert_eq!(fit(&leverage, "leverages", "build on"), "builds on");
        let drop = forms(&["drop the ball", "dropped the ball"]);
        assert_eq!(fit(&drop, "dropped the ball", "make a mistake"), "made a mistake");
    }

    #[test]
    fn nouns_take_the_matched_number() {
        assert_eq!(fit(&forms(&["synergy", "synergies"]), "synergies", "combined benefit"), "combined benefits");
        assert_eq!(fit(&forms(&["pain point", "pain points"]), "pain points", "problem"), "problems");
    }

    #[test]
    fn pronouns_and_determiners_are_kept() {
        let ping = forms(&["ping me", "ping you", "ping them"]);
        assert_eq!(fit(&ping, "ping you", "message me"), "message you");
        assert_eq!(fit(&ping, "ping them", "message us"), "message them");
        assert_eq!(fit(&ping, "ping me", "message me"), "message me");
        assert_eq!(fit(&forms(&["on my plate", "on our plate"]), "on our plate", "on my list"), "on our list");
        assert_eq!(fit(&forms(&["socialize the", "socialize this"]), "socialize this", "share"), "share this");
    }

    #[test]
    fn inflections_read_as_english() {
        assert_eq!(inflect("stop", Form::Ing), "stopping");
        assert_eq!(inflect("plan", Form::Past), "planned");
        assert_eq!(inflect("Come", Form::Ing), "Coming");
        assert_eq!(inflect("carry", Form::Past), "carried");
        assert_eq!(inflect("see", Form::Ing), "seeing");
        assert_eq!(inflect("fix", Form::ThirdPerson), "fixes");
        assert_eq!(inflect("brief", Form::Past), "briefed");
    }
}
