//! Criterion benchmarks of the engine alone (no process start-up, no I/O): one
//! ~300-word message, one 20,000-word document from the shared corpus, and the parse
//! step. `cargo bench` prints the figures; see bench/README.md for whole-process runs.

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
}

criterion_group!(check, benches);
criterion_main!(check);
