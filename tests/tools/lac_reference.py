#!/usr/bin/python3
"""The LAC small network (jieba/lac_small/nets.py: embedding, two bidirectional GRU layers, emission, CRF
decoding) run with numpy on the Paddle parameter files, as the reference the C++ port is checked against.

    lac_reference.py LAC_DIR < sentences.txt > tags.jsonl   # one JSON list of tag names per line
    lac_reference.py LAC_DIR --speed < sentences.txt         # characters/s, after loading, on stdout
"""
import json
import struct
import sys
import time

import numpy as np


def read_tensor(path):
    """A Paddle LoDTensor file: version, LoD levels, tensor version, a TensorDesc protobuf, float32 data."""
    data = open(path, "rb").read()
    offset = 4
    (levels,) = struct.unpack_from("<Q", data, offset)
    offset += 8
    for _ in range(levels):
        (size,) = struct.unpack_from("<Q", data, offset)
        offset += 8 + size
    offset += 4
    (desc_size,) = struct.unpack_from("<i", data, offset)
    offset += 4
    desc = data[offset:offset + desc_size]
    offset += desc_size
    dims, i = [], 0
    while i < len(desc):  # Field 1: data type; field 2: dims (varints).
        key = desc[i]
        i += 1
        value, shift = 0, 0
        while True:
            byte = desc[i]
            i += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        if key >> 3 == 2:
            dims.append(value)
    return np.frombuffer(data, dtype="<f4", offset=offset).reshape(dims)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def gru(x, w, b, reverse):
    # Paddle keeps the [H, 3H] weight as an [H, 2H] block (update and reset gates) then an [H, H] block
    # (candidate), one after the other in memory: not three column slices of one matrix.
    hidden = w.shape[0]
    flat = w.reshape(-1)
    w_gates = flat[:2 * hidden * hidden].reshape(hidden, 2 * hidden)
    w_candidate = flat[2 * hidden * hidden:].reshape(hidden, hidden)
    h = np.zeros(hidden, dtype=np.float32)
    out = np.zeros((len(x), hidden), dtype=np.float32)
    steps = range(len(x) - 1, -1, -1) if reverse else range(len(x))
    for t in steps:
        gates = x[t] + b[0]
        ur = sigmoid(gates[:2 * hidden] + h @ w_gates)
        u, r = ur[:hidden], ur[hidden:]
        c = np.tanh(gates[2 * hidden:] + (r * h) @ w_candidate)
        h = (1 - u) * h + u * c
        out[t] = h
    return out


def main():
    folder = sys.argv[1]
    p = lambda name: read_tensor(folder + "/model_baseline/" + name)
    emb = p("word_emb")
    words = {}
    for line in open(folder + "/word.dic", encoding="utf8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 2:
            words[parts[1]] = int(parts[0])
    tags = {}
    for line in open(folder + "/tag.dic", encoding="utf8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 2:
            tags[int(parts[0])] = parts[1]
    crf = p("crfw")
    start, end, transition = crf[0], crf[1], crf[2:]
    speed = "--speed" in sys.argv
    began, characters = time.perf_counter(), 0
    for sentence in sys.stdin:
        sentence = sentence.rstrip("\n").strip()
        characters += len(sentence)
        if not sentence:
            print("[]")
            continue
        x = emb[[words.get(c, words["OOV"]) for c in sentence]]
        for layer in range(2):
            f, r = 2 * layer, 2 * layer + 1
            forward = gru(x @ p("fc_%d.w_0" % f) + p("fc_%d.b_0" % f), p("gru_%d.w_0" % f), p("gru_%d.b_0" % f), False)
            backward = gru(x @ p("fc_%d.w_0" % r) + p("fc_%d.b_0" % r), p("gru_%d.w_0" % r), p("gru_%d.b_0" % r), True)
            x = np.concatenate([forward, backward], axis=1)
        emission = x @ p("fc_4.w_0") + p("fc_4.b_0")
        score = start + emission[0]
        back = []
        for t in range(1, len(emission)):
            total = score[:, None] + transition
            back.append(total.argmax(axis=0))
            score = total.max(axis=0) + emission[t]
        best = [int((score + end).argmax())]
        for pointers in reversed(back):
            best.append(int(pointers[best[-1]]))
        if not speed:
            print(json.dumps([tags[i] for i in reversed(best)], ensure_ascii=False))
    if speed:
        print("%.0f" % (characters / (time.perf_counter() - began)))


if __name__ == "__main__":
    main()
