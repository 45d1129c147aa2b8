"""Build small models offline: a SentencePiece tokenizer trained on given text plus random weights.

Used by the test fixtures (tiny sizes) and by the benchmark (the real architectures' sizes). These
models produce meaningless text; they exist to exercise the mechanics, never as results.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from pathlib import Path

CHAT_TEMPLATE = (
    "{% for message in messages %}<|{{ message['role'] }}|> {{ message['content'] }} {% endfor %}"
    "{% if add_generation_prompt %}<|assistant|> {% endif %}"
)


def _seeded(model_class, config, seed: int = 0):
    """Random weights, but the same ones on every run: a test that passes once passes always."""
    import torch

    with torch.random.fork_rng():
        torch.manual_seed(seed)
        return model_class(config)


def train_sentencepiece(sentences: Iterable[str], prefix: Path, vocab_size: int) -> Path:
    import sentencepiece as spm

    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(sentences)), model_prefix=str(prefix), vocab_size=vocab_size,
        character_coverage=1.0, model_type="unigram", hard_vocab_limit=False,
        pad_id=-1, bos_id=-1, eos_id=-1, unk_id=0, minloglevel=2, num_threads=1,
    )
    return prefix.with_suffix(".model")


def build_marian(target: Path, spm_model: Path, *, vocab_size: int | None = None, d_model: int = 16,
                 layers: int = 1, heads: int = 2, ffn: int = 32, max_positions: int = 64, **config: object) -> Path:
    """A Marian model; vocab_size pads the embedding (e.g. to opus-mt-nl-en's 67,028)."""
    import sentencepiece as spm
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    target.mkdir(parents=True, exist_ok=True)
    processor = spm.SentencePieceProcessor(model_file=str(spm_model))
    vocab = {"</s>": 0, "<unk>": 1}
    for index in range(processor.get_piece_size()):
        vocab.setdefault(processor.id_to_piece(index), len(vocab))
    for index in range(len(vocab), (vocab_size or 0) - 1):  # a real-size vocabulary, so every id decodes
        vocab[f"<unused{index}>"] = index
    vocab["<pad>"] = len(vocab)  # last, as in the OPUS-MT models
    for name in ("source.spm", "target.spm"):
        shutil.copy(spm_model, target / name)
    (target / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    tokenizer = MarianTokenizer(str(target / "source.spm"), str(target / "target.spm"), str(target / "vocab.json"),
                                model_max_length=max_positions)
    tokenizer.save_pretrained(target)
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=max(vocab_size or 0, len(vocab)), d_model=d_model, encoder_layers=layers,
        decoder_layers=layers, encoder_attention_heads=heads, decoder_attention_heads=heads,
        encoder_ffn_dim=ffn, decoder_ffn_dim=ffn, max_position_embeddings=max_positions,
        pad_token_id=pad, eos_token_id=0, decoder_start_token_id=pad, forced_eos_token_id=0,
        num_beams=2, max_length=max_positions, **config,
    )
    _seeded(MarianMTModel, config).save_pretrained(target)
    return target


def train_copy_marian(target: Path, spm_model: Path, *, steps: int = 900, seed: int = 0) -> Path:
    """A small Marian trained to copy its input: a stand-in whose output depends on its input.

    Random-weight models emit the same tokens for every input, so they cannot show that an engine,
    a precision or a batch plan puts the right output on the right sentence; this one can. It learns
    to copy random token sequences in about 20 s on one CPU core (loss ~0.05), so it copies any text
    its tokenizer covers. Run this module as a script to build one: python tests/modelkit.py OUT SPM
    """
    import random

    import torch
    from transformers import MarianMTModel, MarianTokenizer

    build_marian(target, spm_model, d_model=64, layers=2, heads=4, ffn=256, max_positions=64,
                 scale_embedding=True, init_std=0.05, dropout=0.0, attention_dropout=0.0, activation_dropout=0.0)
    torch.manual_seed(seed)
    tokenizer = MarianTokenizer.from_pretrained(target)
    model = MarianMTModel.from_pretrained(target)
    pad, eos = tokenizer.pad_token_id, tokenizer.eos_token_id
    usable = [i for i in range(len(tokenizer)) if i not in (pad, eos, tokenizer.unk_token_id)]
    rng = random.Random(seed)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=0.0)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny matrices: one thread is fastest and leaves the other core alone
    model.train()
    try:
        for step in range(steps):
            sequences = [[rng.choice(usable) for _ in range(rng.randint(1, 40))] + [eos] for _ in range(32)]
            width = max(map(len, sequences))
            ids = torch.tensor([s + [pad] * (width - len(s)) for s in sequences])
            loss = model(input_ids=ids, attention_mask=(ids != pad).long(),
                         labels=ids.masked_fill(ids == pad, -100)).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            optimizer.zero_grad()
            with torch.no_grad():  # as in OPUS-MT, the decoder starts from the zero embedding of <pad>
                model.model.shared.weight[pad] = 0
            for group in optimizer.param_groups:  # warm up, then decay linearly
                group["lr"] = 2e-3 * min(1.0, (step + 1) / 40) * max(0.05, 1 - step / steps)
    finally:
        torch.set_num_threads(threads)
    model.eval()
    model.generation_config.num_beams = 2
    model.save_pretrained(target)
    return target


if __name__ == "__main__":
    import sys

    print(train_copy_marian(Path(sys.argv[1]), Path(sys.argv[2])))


def _sentencepiece_tokenizer(target: Path, spm_model: Path, max_positions: int, chat: bool = False,
                             bos_is_eos: bool = False):
    from transformers import T5Tokenizer

    staging = target / "_spm"
    staging.mkdir(parents=True, exist_ok=True)
    shutil.copy(spm_model, staging / "spiece.model")
    tokenizer = T5Tokenizer.from_pretrained(staging, extra_ids=0, model_max_length=max_positions)
    shutil.rmtree(staging)
    if chat:
        tokenizer.chat_template = CHAT_TEMPLATE
    if bos_is_eos:  # BART-style models name a begin token; converters (CTranslate2) need one
        tokenizer.bos_token = tokenizer.eos_token
    tokenizer.save_pretrained(target)
    return tokenizer


def build_t5(target: Path, spm_model: Path, *, d_model: int = 16, layers: int = 1, heads: int = 2,
             ffn: int = 32, max_positions: int = 64) -> Path:
    from transformers import T5Config, T5ForConditionalGeneration

    tokenizer = _sentencepiece_tokenizer(target, spm_model, max_positions)
    config = T5Config(
        vocab_size=len(tokenizer), d_model=d_model, d_kv=d_model // heads, d_ff=ffn, num_layers=layers,
        num_decoder_layers=layers, num_heads=heads, pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id, decoder_start_token_id=tokenizer.pad_token_id,
        n_positions=max_positions,
    )
    _seeded(T5ForConditionalGeneration, config).save_pretrained(target)
    return target


def build_bart(target: Path, spm_model: Path, *, vocab_size: int | None = None, d_model: int = 16,
               encoder_layers: int = 1, decoder_layers: int = 1, heads: int = 2, ffn: int = 32,
               max_positions: int = 64) -> Path:
    from transformers import BartConfig, BartForConditionalGeneration

    tokenizer = _sentencepiece_tokenizer(target, spm_model, max_positions, bos_is_eos=True)
    if vocab_size and vocab_size > len(tokenizer):  # a real-size vocabulary, so every id decodes
        tokenizer.add_tokens([f"<unused{index}>" for index in range(len(tokenizer), vocab_size)])
        tokenizer.save_pretrained(target)
    config = BartConfig(
        vocab_size=max(vocab_size or 0, len(tokenizer)), d_model=d_model, encoder_layers=encoder_layers,
        decoder_layers=decoder_layers, encoder_attention_heads=heads, decoder_attention_heads=heads,
        encoder_ffn_dim=ffn, decoder_ffn_dim=ffn, max_position_embeddings=max_positions,
        pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
        bos_token_id=tokenizer.eos_token_id, decoder_start_token_id=tokenizer.eos_token_id,
        forced_eos_token_id=tokenizer.eos_token_id,
    )
    _seeded(BartForConditionalGeneration, config).save_pretrained(target)
    return target


def build_causal(target: Path, spm_model: Path, *, hidden: int = 16, layers: int = 1, heads: int = 2,
                 max_positions: int = 256) -> Path:
    """A small Llama-style decoder with a chat template."""
    from transformers import LlamaConfig, LlamaForCausalLM

    tokenizer = _sentencepiece_tokenizer(target, spm_model, max_positions, chat=True, bos_is_eos=True)
    config = LlamaConfig(
        vocab_size=len(tokenizer), hidden_size=hidden, intermediate_size=hidden * 2, num_hidden_layers=layers,
        num_attention_heads=heads, num_key_value_heads=heads, max_position_embeddings=max_positions,
        pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
        bos_token_id=tokenizer.eos_token_id,
    )
    _seeded(LlamaForCausalLM, config).save_pretrained(target)
    return target
