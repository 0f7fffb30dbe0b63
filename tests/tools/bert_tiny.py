#!/usr/bin/python3
"""A tiny BERT token classifier with random weights, for testing the C++ BERT plumbing (tokeniser,
windows, batching, ONNX Runtime, B-/I-/O decoding) against the same model run here with numpy.

    bert_tiny.py export DIR [--seed N]       # DIR/model.onnx, DIR/vocab.txt, DIR/labels.txt
    bert_tiny.py run DIR --max-tokens N < texts.txt > entities.jsonl
    bert_tiny.py run DIR --max-tokens N --speed < texts.txt  # characters/s on stdout

The graph is built with onnx.helper (Debian's python3-onnx) from numpy weights kept beside it
(weights.npz), in the shape of a Hugging Face BERT export: inputs input_ids, attention_mask,
token_type_ids (int64, [batch, tokens]), output logits ([batch, tokens, labels]). `run` tokenises,
windows and decodes on its own, independently of the C++ code, and prints one JSON list of entities
[text, tag, begin, length] per input line.
"""
import json
import math
import sys
import time
import unicodedata

import numpy as np

HIDDEN, HEADS, LAYERS, FFN, POSITIONS = 32, 4, 2, 64, 64
LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-TIME", "I-TIME"]
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
# The vocabulary: the special tokens, ASCII letters and digits, some English words and pieces, and the
# Chinese characters of certificates; any other character is [UNK].
CHINESE = ("张三李四王五赵六于年月日毕业大学学院计算机科学与技术专业四川北京上海复旦清华浙江南京师范"
           "中国人民解放军证书编号性别男女出生本科硕士博士学位授予校长省市区县")
WORDS = ["the", "univ", "##ers", "##ity", "of", "peking", "data", "##base", "john", "smith"]


def vocabulary():
    tokens = list(SPECIAL) + list("abcdefghijklmnopqrstuvwxyz0123456789.,-")
    tokens += WORDS + sorted(set(CHINESE))
    return tokens


def export(folder, seed):
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(seed)
    vocab = vocabulary()
    w = {}

    def param(name, *shape, scale=0.3):
        w[name] = (rng.standard_normal(shape) * scale).astype(np.float32)
        return name

    param("word", len(vocab), HIDDEN, scale=1.0)
    param("position", POSITIONS, HIDDEN)
    param("type", 2, HIDDEN)
    w["ln0_g"], w["ln0_b"] = np.ones(HIDDEN, np.float32), np.zeros(HIDDEN, np.float32)
    for layer in range(LAYERS):
        for m in ("q", "k", "v", "o"):
            param(f"l{layer}_{m}", HIDDEN, HIDDEN)
            param(f"l{layer}_{m}_b", HIDDEN, scale=0.05)
        param(f"l{layer}_f1", HIDDEN, FFN)
        param(f"l{layer}_f1_b", FFN, scale=0.05)
        param(f"l{layer}_f2", FFN, HIDDEN)
        param(f"l{layer}_f2_b", HIDDEN, scale=0.05)
        for n in ("ln1", "ln2"):
            w[f"l{layer}_{n}_g"] = np.ones(HIDDEN, np.float32)
            w[f"l{layer}_{n}_b"] = np.zeros(HIDDEN, np.float32)
    param("cls", HIDDEN, len(LABELS), scale=1.0)
    param("cls_b", len(LABELS), scale=0.5)

    nodes, counter = [], [0]

    def node(op, inputs, **attrs):
        counter[0] += 1
        out = f"{op.lower()}_{counter[0]}"
        nodes.append(helper.make_node(op, inputs, [out], **attrs))
        return out

    consts = {}

    def const(name, value):
        consts[name] = numpy_helper.from_array(np.array(value), name)
        return name

    def layer_norm(x, g, b):
        return node("LayerNormalization", [x, g, b], axis=-1, epsilon=1e-12)

    def dense(x, name):
        return node("Add", [node("MatMul", [x, name]), name + "_b"])

    length = node("Gather", [node("Shape", ["input_ids"]), const("one", np.int64(1))], axis=0)
    positions = node("Range", [const("zero", np.int64(0)), length, const("step", np.int64(1))])
    x = node("Add", [node("Gather", ["word", "input_ids"]), node("Gather", ["position", positions])])
    x = node("Add", [x, node("Gather", ["type", "token_type_ids"])])
    x = layer_norm(x, "ln0_g", "ln0_b")
    mask = node("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    mask = node("Mul", [node("Sub", [const("fone", np.float32(1)), mask]), const("big", np.float32(-10000))])
    mask = node("Unsqueeze", [mask, const("axes12", np.array([1, 2], np.int64))])
    heads_shape = const("heads_shape", np.array([0, 0, HEADS, HIDDEN // HEADS], np.int64))
    merged_shape = const("merged_shape", np.array([0, 0, HIDDEN], np.int64))
    scale = const("scale", np.float32(1 / math.sqrt(HIDDEN // HEADS)))
    for layer in range(LAYERS):
        p = f"l{layer}_"

        def heads(m):
            return node("Transpose", [node("Reshape", [dense(x, p + m), heads_shape])], perm=[0, 2, 1, 3])

        q, k, v = heads("q"), heads("k"), heads("v")
        scores = node("Mul", [node("MatMul", [q, node("Transpose", [k], perm=[0, 1, 3, 2])]), scale])
        probs = node("Softmax", [node("Add", [scores, mask])], axis=-1)
        context = node("Transpose", [node("MatMul", [probs, v])], perm=[0, 2, 1, 3])
        context = node("Reshape", [context, merged_shape])
        x = layer_norm(node("Add", [x, dense(context, p + "o")]), p + "ln1_g", p + "ln1_b")
        h = dense(x, p + "f1")
        gelu = node("Mul", [node("Mul", [h, const("half", np.float32(0.5))]),
                            node("Add", [node("Erf", [node("Mul", [h, const("rsqrt2", np.float32(1 / math.sqrt(2)))])]),
                                         "fone"])])
        x = layer_norm(node("Add", [x, dense(gelu, p + "f2")]), p + "ln2_g", p + "ln2_b")
    logits = dense(x, "cls")
    nodes.append(helper.make_node("Identity", [logits], ["logits"]))

    inputs = [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "tokens"])
              for n in ("input_ids", "attention_mask", "token_type_ids")]
    output = helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "tokens", len(LABELS)])
    initializers = [numpy_helper.from_array(v, k) for k, v in w.items()] + list(consts.values())
    graph = helper.make_graph(nodes, "bert_tiny", inputs, [output], initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="bert_tiny.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, f"{folder}/model.onnx")
    np.savez(f"{folder}/weights.npz", **w)
    with open(f"{folder}/vocab.txt", "w", encoding="utf-8") as out:
        out.write("\n".join(vocab) + "\n")
    with open(f"{folder}/labels.txt", "w", encoding="utf-8") as out:
        out.write("\n".join(LABELS) + "\n")


# --- The reference run ---------------------------------------------------------------------------------

def is_chinese(c):
    cp = ord(c)
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF or
            0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def is_punctuation(c):
    cp = ord(c)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(c).startswith("P")


def words_of(text):
    """(word, begin, end) in characters: split at spaces, punctuation and around Chinese characters."""
    words, start = [], None
    for i, c in enumerate(text + " "):
        alone = is_chinese(c) or is_punctuation(c)
        if c.isspace() or alone or unicodedata.category(c) in ("Cc", "Cf"):
            if start is not None:
                words.append((text[start:i], start, i))
                start = None
            if alone:
                words.append((c, i, i + 1))
        elif start is None:
            start = i
    return words


def tokenize(text, vocab):
    """Token ids and, per token, the index of its word and whether it starts it; words as above."""
    ids, word_of, words = [], [], words_of(text)
    for index, (word, _, _) in enumerate(words):
        word = "".join(c.lower() if c.isascii() else c for c in word)  # as the C++ side: ASCII only
        pieces, start = [], 0
        if len(word) > 100:
            pieces = None
        while pieces is not None and start < len(word):
            end, found = len(word), None
            while start < end:
                piece = ("##" if start > 0 else "") + word[start:end]
                if piece in vocab:
                    found = piece
                    break
                end -= 1
            if found is None:
                pieces = None
                break
            pieces.append(vocab[found])
            start = end
        for piece in pieces or [vocab["[UNK]"]]:
            ids.append(piece)
            word_of.append(index)
    return ids, word_of, words


def layer_norm(x, g, b):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * g + b


def forward(w, ids, mask):
    """ids, mask: [batch, tokens] int arrays; returns logits [batch, tokens, labels] (float64)."""
    w = {k: v.astype(np.float64) for k, v in w.items()}
    batch, tokens = ids.shape
    x = w["word"][ids] + w["position"][np.arange(tokens)][None] + w["type"][np.zeros_like(ids)]
    x = layer_norm(x, w["ln0_g"], w["ln0_b"])
    bias = ((1 - mask) * -10000.0)[:, None, None, :]
    d = HIDDEN // HEADS
    for layer in range(LAYERS):
        p = f"l{layer}_"

        def heads(m):
            return (x @ w[p + m] + w[p + m + "_b"]).reshape(batch, tokens, HEADS, d).transpose(0, 2, 1, 3)

        q, k, v = heads("q"), heads("k"), heads("v")
        scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(d) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        probs = scores / scores.sum(-1, keepdims=True)
        context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, tokens, HIDDEN)
        x = layer_norm(x + context @ w[p + "o"] + w[p + "o_b"], w[p + "ln1_g"], w[p + "ln1_b"])
        h = x @ w[p + "f1"] + w[p + "f1_b"]
        h = 0.5 * h * (1 + np.vectorize(math.erf)(h / math.sqrt(2)))
        x = layer_norm(x + h @ w[p + "f2"] + w[p + "f2_b"], w[p + "ln2_g"], w[p + "ln2_b"])
    return x @ w["cls"] + w["cls_b"]


def windows(count, content):
    """Windows [begin, end) of at most `content` tokens, each starting half a window after the last."""
    if count <= content:
        return [(0, count)]
    stride, spans, begin = max(1, content // 2), [], 0
    while True:
        spans.append((begin, min(count, begin + content)))
        if begin + content >= count:
            return spans
        begin += stride


def token_labels(w, ids, max_tokens, labels):
    """Per token: (label, probability), each token taken from the window where it is farthest from an edge."""
    spans = windows(len(ids), max_tokens - 2)
    width = max(e - b for b, e in spans) + 2
    batch = np.zeros((len(spans), width), np.int64)
    mask = np.zeros_like(batch)
    for row, (b, e) in enumerate(spans):
        batch[row, :e - b + 2] = [2] + ids[b:e] + [3]
        mask[row, :e - b + 2] = 1
    logits = forward(w, batch, mask)
    best = [None] * len(ids)
    for row, (b, e) in enumerate(spans):
        for t in range(b, e):
            margin = min(t - b, e - 1 - t)
            if best[t] is None or margin > best[t][0]:
                row_logits = logits[row, t - b + 1]
                p = np.exp(row_logits - row_logits.max())
                p /= p.sum()
                best[t] = (margin, labels[int(p.argmax())], float(p.max()))
    return [(label, p) for _, label, p in best]


def entities(text, w, vocab, labels, max_tokens):
    ids, word_of, words = tokenize(text, vocab)
    if not ids:
        return []
    per_token = token_labels(w, ids, max_tokens, labels)
    found, current = [], None  # current: [tag, first word, last word, lowest probability]
    seen = set()
    for t, (label, p) in enumerate(per_token):
        word = word_of[t]
        if word in seen:  # a word's later pieces follow its first
            if current is not None and current[2] == word:
                current[3] = min(current[3], p)
            continue
        seen.add(word)
        prefix, _, tag = label.partition("-")
        if current is not None and (prefix != "I" or tag != current[0]):
            found.append(current)
            current = None
        if prefix == "B" or prefix == "I":
            if current is None:
                current = [tag, word, word, p]
            else:
                current[2], current[3] = word, min(current[3], p)
    if current is not None:
        found.append(current)
    out = []
    for tag, first, last, p in found:
        begin, end = words[first][1], words[last][2]
        out.append([text[begin:end], tag, begin, end - begin, round(p, 6)])
    return out


def run(folder, max_tokens, speed):
    w = dict(np.load(f"{folder}/weights.npz"))
    vocab = {t: i for i, t in enumerate(open(f"{folder}/vocab.txt", encoding="utf-8").read().split("\n")) if t}
    labels = [t for t in open(f"{folder}/labels.txt", encoding="utf-8").read().split("\n") if t]
    texts = sys.stdin.read().split("\n")
    if texts and texts[-1] == "":
        texts.pop()
    start = time.perf_counter()
    results = [entities(t, w, vocab, labels, max_tokens) for t in texts]
    if speed:
        print(sum(len(t) for t in texts) / (time.perf_counter() - start))
        return
    for r in results:
        print(json.dumps(r, ensure_ascii=False))


def main():
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "export":
        seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 7
        export(args[1], seed)
    elif len(args) >= 2 and args[0] == "run" and "--max-tokens" in args:
        run(args[1], int(args[args.index("--max-tokens") + 1]), "--speed" in args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
