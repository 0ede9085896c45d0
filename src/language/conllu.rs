//! Reading CoNLL-U treebank files (<https://universaldependencies.org/format.html>): the
//! tagger's training data and the figure its accuracy is judged by.

/// One word of a treebank sentence, as annotated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreebankWord {
    /// The word as written.
    pub form: String,
    /// Universal tag.
    pub upos: String,
    /// Penn tag.
    pub xpos: String,
    /// Morphological features (`Mood=Imp|VerbForm=Fin`), `_` when none.
    pub feats: String,
}

impl TreebankWord {
    /// The tag the tagger learns: `UPOS/XPOS`, with `/Imp` on imperative verbs.
    pub fn fine_tag(&self) -> String {
        let mut tag = format!("{}/{}", self.upos, self.xpos);
        if self.feats.split('|').any(|f| f == "Mood=Imp") {
            tag.push_str("/Imp");
        }
        tag
    }
}

/// A sentence: its id and its syntactic words (multi-word tokens such as "don't" come as
/// their parts, "do" and "n't"; empty nodes are left out).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TreebankSentence {
    /// `# sent_id`, empty when absent.
    pub id: String,
    /// `# text`, empty when absent.
    pub text: String,
    /// The words.
    pub words: Vec<TreebankWord>,
}

/// Parses a CoNLL-U file's text; a malformed line is an error naming its line number.
pub fn parse(text: &str) -> Result<Vec<TreebankSentence>, String> {
    let mut sentences = Vec::new();
    let mut current = TreebankSentence::default();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !current.words.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(id) = comment.trim_start().strip_prefix("sent_id = ") {
                current.id = id.to_string();
            } else if let Some(text) = comment.trim_start().strip_prefix("text = ") {
                current.text = text.to_string();
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 10 {
            return Err(format!("line {}: {} fields, CoNLL-U has 10", number + 1, fields.len()));
        }
        if fields[0].contains(['-', '.']) {
            continue;
        }
        current.words.push(TreebankWord {
            form: fields[1].to_string(),
            upos: fields[3].to_string(),
            xpos: fields[4].to_string(),
            feats: fields[5].to_string(),
        });
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_skips_ranges() {
        let text = "# sent_id = a-1\n# text = Don't go.\n1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
            1\tDo\tdo\tAUX\tVB\tMood=Imp|VerbForm=Fin\t3\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n\
            3\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let sentences = parse(text).unwrap();
        assert_eq!(sentences.len(), 1);
        assert_eq!(sentences[0].id, "a-1");
        let tags: Vec<String> = sentences[0].words.iter().map(TreebankWord::fine_tag).collect();
        assert_eq!(tags, ["AUX/VB/Imp", "PART/RB", "VERB/VB", "PUNCT/."]);
    }

    #[test]
    fn malformed_line_is_an_error() {
        assert_eq!(parse("1\tword\n").unwrap_err(), "line 1: 2 fields, CoNLL-U has 10");
    }
}
