#!/usr/bin/python3
"""Writes a tiny random-weight Qwen2 model as GGUF, for tests of the LLM experts against a real
llama-server (no real language model can be downloaded here). It answers nonsense, but through the
real protocol: model listing, chat templates, JSON-schema-constrained output, usage numbers.

    /usr/bin/python3 scripts/make_tiny_gguf.py LLAMA_DIR OUT.gguf

LLAMA_DIR is the folder scripts/llama_server.sh prints (its gguf-py and Qwen2 vocabulary are used).
Needs Debian's python3-numpy. Same output for the same inputs (fixed seed).
"""
import sys
from pathlib import Path

import numpy as np

llama_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
sys.path.insert(0, str(llama_dir / "gguf-py"))
import gguf  # noqa: E402

EMBED, LAYERS, HEADS, KV_HEADS, FF, CONTEXT = 64, 2, 4, 2, 128, 4096
CHATML = (
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>\n'}}"
    "{% endfor %}{% if add_generation_prompt %}{{'<|im_start|>assistant\n'}}{% endif %}"
)

vocab = gguf.GGUFReader(str(llama_dir / "ggml-vocab-qwen2.gguf"))
tokens = vocab.fields["tokenizer.ggml.tokens"].contents()
writer = gguf.GGUFWriter(str(out), "qwen2")
writer.add_name("mixtract-tiny-random")
writer.add_context_length(CONTEXT)
writer.add_embedding_length(EMBED)
writer.add_block_count(LAYERS)
writer.add_feed_forward_length(FF)
writer.add_head_count(HEADS)
writer.add_head_count_kv(KV_HEADS)
writer.add_layer_norm_rms_eps(1e-6)
writer.add_rope_freq_base(10000.0)
writer.add_file_type(gguf.LlamaFileType.MOSTLY_F16)
for name, field in vocab.fields.items():
    if name.startswith("tokenizer.") and name != "tokenizer.chat_template":
        main = field.types[0]
        sub = field.types[-1] if main == gguf.GGUFValueType.ARRAY else None
        writer.add_key_value(name, field.contents(), main, sub)
writer.add_chat_template(CHATML)

rng = np.random.default_rng(2026)


def weights(*shape):
    return (rng.standard_normal(shape) * 0.02).astype(np.float16)


head_dim = EMBED // HEADS
writer.add_tensor("token_embd.weight", weights(len(tokens), EMBED))
writer.add_tensor("output_norm.weight", np.ones(EMBED, dtype=np.float32))
writer.add_tensor("output.weight", weights(len(tokens), EMBED))
for i in range(LAYERS):
    block = f"blk.{i}."
    writer.add_tensor(block + "attn_norm.weight", np.ones(EMBED, dtype=np.float32))
    writer.add_tensor(block + "attn_q.weight", weights(EMBED, EMBED))
    writer.add_tensor(block + "attn_q.bias", np.zeros(EMBED, dtype=np.float32))
    writer.add_tensor(block + "attn_k.weight", weights(KV_HEADS * head_dim, EMBED))
    writer.add_tensor(block + "attn_k.bias", np.zeros(KV_HEADS * head_dim, dtype=np.float32))
    writer.add_tensor(block + "attn_v.weight", weights(KV_HEADS * head_dim, EMBED))
    writer.add_tensor(block + "attn_v.bias", np.zeros(KV_HEADS * head_dim, dtype=np.float32))
    writer.add_tensor(block + "attn_output.weight", weights(EMBED, EMBED))
    writer.add_tensor(block + "ffn_norm.weight", np.ones(EMBED, dtype=np.float32))
    writer.add_tensor(block + "ffn_gate.weight", weights(FF, EMBED))
    writer.add_tensor(block + "ffn_up.weight", weights(FF, EMBED))
    writer.add_tensor(block + "ffn_down.weight", weights(EMBED, FF))

writer.write_header_to_file()
writer.write_kv_data_to_file()
writer.write_tensors_to_file()
writer.close()
