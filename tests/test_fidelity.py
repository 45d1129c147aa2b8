"""Every engine, precision and batch plan returns what plain `generate()` returns, for the right input.

Random-weight models emit the same tokens for every input and cannot show this; the stand-in here
is a small Marian trained to copy its input (tests/modelkit.py: train_copy_marian), so an output that
lands on the wrong sentence, or a batch plan that changes a result, fails these tests.
"""

import warnings

import pytest

from engines import ModelRef, RuntimeSettings, load_backend
from translate import TranslationSettings, load_translator

SENTENCES = [
    "De gemeente onderzoekt twee opties.", "Dit is een zin.", "Dat is nieuws.",
    "Reizigers zijn tevreden over de fietsenstalling bij het station.",
    "De dijk moet worden versterkt omdat het water stijgt.", "Bibliotheken blijven in het weekend langer open.",
    "De minister sprak dinsdag in Den Haag.", "Het waterschap begint volgend jaar met de werkzaamheden.",
    "Fietsers klagen over de drukte bij de ingang tijdens de spits.", "Dit is een zin.",  # a duplicate
    "Het college wil de openingstijden verruimen.", "Jansen zegt dat de plannen goed zijn.", "Kort.",
]


def plain_generate(copy_model, quantize=False):
    """Plain transformers, one sentence at a time, with the model's own decoding settings."""
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(copy_model)
    model = AutoModelForSeq2SeqLM.from_pretrained(copy_model).eval()
    if quantize:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch's notice that eager quantisation moves to torchao
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    outputs = {}
    with torch.inference_mode():
        for sentence in dict.fromkeys(SENTENCES):
            ids = model.generate(**tokenizer([sentence], return_tensors="pt"), max_new_tokens=62)[0].tolist()
            outputs[sentence] = [i for i in ids if i not in (tokenizer.pad_token_id, tokenizer.eos_token_id)]
    return tokenizer, outputs


@pytest.fixture(scope="module")
def reference(copy_model):
    return plain_generate(copy_model)


@pytest.fixture(scope="module")
def reference_int8(copy_model):
    """PyTorch's dynamic int8 rounds differently from float32, so its own plain run is its reference."""
    return plain_generate(copy_model, quantize=True)


def test_the_stand_in_copies_so_outputs_depend_on_inputs(reference):
    from difflib import SequenceMatcher

    tokenizer, outputs = reference
    texts = {sentence: tokenizer.decode(ids, skip_special_tokens=True) for sentence, ids in outputs.items()}
    assert len(set(texts.values())) == len(texts)  # a different output for every different input
    for sentence, text in texts.items():  # and each output resembles its own input more than any other
        likeness = {other: SequenceMatcher(None, other, text).ratio() for other in texts}
        assert max(likeness, key=likeness.get) == sentence, (sentence, text)


PLANS = [(1, 8192), (4, 8192), (64, 8192), (64, 60)]  # (inputs, padded tokens) per batch


def run(copy_model, engine, precision, batch_size, max_batch_tokens, special):
    runtime = RuntimeSettings(engine=engine, device="cpu", precision=precision, batch_size=batch_size,
                              max_batch_tokens=max_batch_tokens)
    backend = load_backend(ModelRef(str(copy_model)), runtime)
    outputs = backend.generate_ids(backend.encode(SENTENCES),
                                   TranslationSettings().resolve(backend.info.decoding_defaults()))
    return [[i for i in ids if i not in special] for ids in outputs]


def special_ids(tokenizer):
    return (tokenizer.pad_token_id, tokenizer.eos_token_id)


@pytest.mark.parametrize("engine", ["torch", "ct2"])
@pytest.mark.parametrize(("batch_size", "max_batch_tokens"), PLANS)
def test_float32_agrees_with_plain_generate_token_for_token(copy_model, reference, engine, batch_size,
                                                            max_batch_tokens):
    tokenizer, expected = reference
    outputs = run(copy_model, engine, "float32", batch_size, max_batch_tokens, special_ids(tokenizer))
    assert outputs == [expected[s] for s in SENTENCES]


def identical(outputs, expected):
    return sum(output == expected[s] for output, s in zip(outputs, SENTENCES)) / len(SENTENCES)


def test_ct2_int8_is_the_same_for_every_batch_plan_and_close_to_float32(copy_model, reference):
    # CTranslate2 quantises each row of activations by itself, so batching cannot change a result
    tokenizer, expected = reference
    outputs = [run(copy_model, "ct2", "int8", *plan, special_ids(tokenizer)) for plan in PLANS]
    assert all(output == outputs[0] for output in outputs)
    assert identical(outputs[0], expected) >= 0.7


def test_torch_int8_agrees_with_plain_generate_on_the_same_quantised_model(copy_model, reference_int8):
    # PyTorch's dynamic int8 scales a whole batch of activations at once, so a batch of one is the
    # only plan that must match exactly (one reason auto precision on PyTorch is float32)
    tokenizer, expected = reference_int8
    assert run(copy_model, "torch", "int8", 1, 8192, special_ids(tokenizer)) == [expected[s] for s in SENTENCES]
    for plan in PLANS[1:]:  # other plans round differently on some sentences (0.69 identical, measured)
        assert identical(run(copy_model, "torch", "int8", *plan, special_ids(tokenizer)), expected) >= 0.5


@pytest.mark.parametrize("engine", ["torch", "ct2"])
def test_translations_land_on_their_own_sentences_through_the_translator(copy_model, reference, engine):
    tokenizer, expected = reference
    translator = load_translator(str(copy_model), runtime=RuntimeSettings(engine=engine, device="cpu",
                                                                          precision="float32", batch_size=3))
    shuffled = SENTENCES[::-1] + ["", "   "]
    want = [tokenizer.decode(expected[s], skip_special_tokens=True) for s in SENTENCES[::-1]] + ["", ""]
    assert translator.translate_batch(shuffled) == want
