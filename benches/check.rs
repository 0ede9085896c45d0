//! Criterion benchmarks of the engine alone (no process start-up, no I/O): one
//! ~300-word message, one 20,000-word document from the shared corpus, the parse step,
//! and the language layer (the tagger in tokens per second, and whole sentence readings).
//! `cargo bench` prints the figures; see bench/README.md for whole-process runs.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use plainly::{Document, FileKind, ParseOptions, Profile, Settings};

/// About 20,000 words of real documentation: shared-corpus files in sorted order.
fn document() -> String {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/k8s-enhancements/keps");
    let mut paths: Vec<_> = ignore::WalkBuilder::new(&corpus)
        .build()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    let mut text = String::new();
    for path in paths {
        text.push_str(&std::fs::read_to_string(path).unwrap_or_default());
        text.push('\n');
        if text.split_whitespace().count() > 20_000 {
            break;
        }
    }
    if text.is_empty() {
        // Without the shared corpus, the shipped examples repeated.
        let example = include_str!("../examples/guide.md");
        text = example.repeat(20_000 / example.split_whitespace().count() + 1);
    }
    text
}

fn benches(c: &mut Criterion) {
    let settings = Settings::default();
    let message = include_str!("../bench/msg.txt");
    let doc = document();

    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Bytes(message.len() as u64));
    group.bench_function("message (300 words)", |b| {
        b.iter(|| plainly::check(black_box(message), FileKind::Text, Profile::Message, &settings))
    });
    group.throughput(Throughput::Bytes(doc.len() as u64));
    group.bench_function("document (20,000 words)", |b| {
        b.iter(|| plainly::check(black_box(&doc), FileKind::Markdown, Profile::Doc, &settings))
    });
    group.bench_function("parse (20,000 words)", |b| {
        b.iter(|| Document::parse(black_box(&doc), FileKind::Markdown, ParseOptions::default()))
    });
    group.finish();

    // The tagger alone, in tokens per second: every sentence of the 20,000-word document,
    // tokenized as plainly tokenizes prose, then tagged.
    let parsed = Document::parse(&doc, FileKind::Markdown, ParseOptions::default());
    let sentences: Vec<Vec<&str>> = parsed
        .sentences
        .iter()
        .map(|s| {
            plainly::language::tokens::tokenize(&doc, &parsed.prose, s.span)
                .iter()
                .map(|t| t.span.slice(&doc))
                .collect()
        })
        .collect();
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    let tagger = plainly::language::tagger::tagger();
    let mut group = c.benchmark_group("language");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function(format!("tag ({tokens} tokens)"), |b| {
        b.iter(|| {
            for words in &sentences {
                black_box(tagger.tag(black_box(words)));
            }
        })
    });
    group.bench_function(format!("read sentences ({tokens} tokens)"), |b| {
        b.iter(|| {
            for sentence in &parsed.sentences {
                black_box(plainly::language::read_span(&doc, &parsed.prose, sentence.span));
            }
        })
    });
    group.finish();
}

criterion_group!(check, benches);
criterion_main!(check);
