//! Measures plainly's built-in part-of-speech tagger on a CoNLL-U file, with the file's
//! own (gold) tokenization.
//!
//! ```sh
//! cargo run --release --example tagger_eval -- ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu
//! ```
//!
//! `--model FILE` measures a model file (as `train_tagger --out FILE` writes one) instead of
//! the built-in one, so a candidate is judged before it replaces `model/tagger.bin`.
//!
//! The last line is always `UPOS accuracy NN.NN% on N tokens`; the lines before it give the
//! Penn tag (XPOS) accuracy, how well imperative verbs are found, and the tagging speed.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;
use std::time::Instant;

use plainly::language::conllu;
use plainly::language::tagger;

fn run() -> Result<(), String> {
    const USAGE: &str = "usage: tagger_eval [--model FILE] FILE.conllu";
    let mut args = std::env::args().skip(1);
    let (mut model, mut path) = (None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--model" => model = Some(args.next().ok_or(USAGE)?),
            _ if path.is_none() => path = Some(arg),
            _ => return Err(USAGE.into()),
        }
    }
    let path = path.ok_or(USAGE)?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let sentences = conllu::parse(&text).map_err(|e| format!("{path}: {e}"))?;
    let tagger = match model {
        Some(model) => {
            let bytes = std::fs::read(&model).map_err(|e| format!("{model}: {e}"))?;
            // The tagger borrows its model for the program's life, as it does the built-in one.
            let tagger = tagger::Tagger::new(Vec::leak(bytes)).map_err(|e| format!("{model}: {e}"))?;
            &*Box::leak(Box::new(tagger))
        }
        None => tagger::tagger(),
    };
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
