//! Measures plainly's built-in part-of-speech tagger on a CoNLL-U file, with the file's
//! own (gold) tokenization.
//!
//! ```sh
//! cargo run --release --example tagger_eval -- ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu
//! ```
//!
//! The last line is always `UPOS accuracy NN.NN% on N tokens`; the lines before it give the
//! Penn tag (XPOS) accuracy, how well imperative verbs are found, and the tagging speed.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;
use std::time::Instant;

use plainly::language::conllu;
use plainly::language::tagger;

fn run() -> Result<(), String> {
    let path = std::env::args().nth(1).ok_or("usage: tagger_eval FILE.conllu")?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let sentences = conllu::parse(&text).map_err(|e| format!("{path}: {e}"))?;
    let tagger = tagger::tagger();
    let forms: Vec<Vec<&str>> = sentences.iter().map(|s| s.words.iter().map(|w| w.form.as_str()).collect()).collect();

    // Speed: the median of five runs over the whole file.
    let mut times = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        for words in &forms {
            std::hint::black_box(tagger.tag(words));
        }
        times.push(started.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);

    let (mut upos, mut xpos, mut total) = (0usize, 0usize, 0usize);
    let (mut imp_right, mut imp_found, mut imp_gold) = (0usize, 0usize, 0usize);
    for (sentence, words) in sentences.iter().zip(&forms) {
        for (tag, word) in tagger.tag(words).iter().zip(&sentence.words) {
            total += 1;
            upos += usize::from(tag.upos.name() == word.upos);
            xpos += usize::from(tag.xpos == word.xpos);
            let gold_imperative = word.feats.split('|').any(|f| f == "Mood=Imp");
            imp_gold += usize::from(gold_imperative);
            imp_found += usize::from(tag.imperative);
            imp_right += usize::from(tag.imperative && gold_imperative);
        }
    }
    if total == 0 {
        return Err(format!("{path}: no tokens"));
    }
    let percent = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
    println!("{} sentences, {total} tokens", sentences.len());
    println!("tagging speed {:.0} tokens per second (median of 5 runs)", total as f64 / times[2]);
    println!(
        "imperative verbs: precision {:.1}%, recall {:.1}% ({imp_gold} in the file)",
        percent(imp_right, imp_found),
        percent(imp_right, imp_gold)
    );
    println!("XPOS accuracy {:.2}%", percent(xpos, total));
    println!("UPOS accuracy {:.2}% on {total} tokens", percent(upos, total));
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tagger_eval: {message}");
            ExitCode::from(2)
        }
    }
}
