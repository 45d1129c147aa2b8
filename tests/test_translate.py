"""Translation engine mechanics on tiny random models: batching, order, chunking, loading errors."""

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engines import Backend, Decoding, ModelRef, RuntimeSettings, plan_batches
from translate import (ChunkingTranslator, ModelNotFoundError, ModelTranslator, RemoteCodeRefusedError,
                       TranslationSettings, fit_pieces, load_translator, translate_document)


def word_counter(texts):
    return [max(1, len(t) // 4) for t in texts]


class EchoBackend(Backend):
    """Stands in for a model: 'translates' a batch by returning its input ids, and records each call."""

    engine = "echo"

    def __init__(self, info, tokenizer, **limits):
        super().__init__(info, tokenizer, device="cpu", precision="float32", runtime=RuntimeSettings(), **limits)
        self.calls = []

    def _generate(self, batch, decoding, min_new, max_new):
        self.calls.append((len(batch), max_new))
        return batch


@pytest.fixture
def echo(models):
    info = ModelRef(str(models["marian"])).info()
    return EchoBackend(info, info.load_tokenizer(), batch_size=2, max_batch_tokens=40)


def test_batches_are_length_sorted_and_within_budget():
    lengths = [5, 50, 7, 49, 3, 30]
    batches = plan_batches(lengths, max_batch_tokens=100, max_batch_size=8)
    assert sorted(i for b in batches for i in b) == list(range(6))
    assert [lengths[b[0]] for b in batches] == sorted((lengths[b[0]] for b in batches), reverse=True)
    assert all(len(b) * max(lengths[i] for i in b) <= 100 for b in batches if len(b) > 1)


def test_original_order_is_restored_across_batches(echo):
    tokenizer = echo.tokenizer
    translator = ModelTranslator(echo, Decoding())
    sentences = ["Dat is nieuws.", "De gemeente onderzoekt twee opties en dat duurt lang.", "", "Dit is een zin.",
                 "De dijk moet sterker.", "Bron"]
    assert translator.translate_batch(sentences) == [tokenizer.decode(tokenizer(s)["input_ids"],
                                                                      skip_special_tokens=True) for s in sentences]
    assert len(echo.calls) >= 3  # really split into several batches
    assert all(size <= 2 for size, _ in echo.calls)


def test_output_cap_follows_the_longest_source_of_each_batch(echo):
    echo.batch_size = 1
    echo.generate([[5] * 10, [5] * 1000], Decoding())
    assert sorted(cap for _, cap in echo.calls) == [36, echo.max_output_tokens]  # 2 x 10 + 16; the model's limit
    echo.calls.clear()
    echo.generate([[5] * 10], Decoding(max_new_tokens=7, min_new_tokens=50))
    assert echo.calls == [(1, 7)]


def test_out_of_memory_halves_the_batch_and_loses_nothing(echo):
    failures = []

    def generate(batch, decoding, min_new, max_new):
        if len(batch) > 2:
            failures.append(len(batch))
            raise RuntimeError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return batch

    echo._generate = generate
    echo.batch_size = echo._largest_batch = 8
    echo.max_batch_tokens = 10_000
    inputs = [[i, i + 1] for i in range(8)]
    outputs = []
    echo.decode = lambda sequences: outputs.extend(sequences) or [""] * len(sequences)
    echo.generate(inputs, Decoding())
    assert sorted(outputs) == sorted(inputs)  # every input ran once, none twice
    assert failures == [8, 4] and echo._largest_batch == 2  # later batches start at the size that fitted


def test_an_error_that_is_not_out_of_memory_is_not_retried(echo):
    echo._generate = lambda *a: (_ for _ in ()).throw(RuntimeError("shape mismatch"))
    with pytest.raises(RuntimeError, match="shape mismatch"):
        echo.generate([[1, 2]], Decoding())


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="abcdefghij ,;:", min_size=1, max_size=12), min_size=1, max_size=120),
       st.integers(min_value=6, max_value=40))
def test_fit_pieces_loses_nothing_and_fits(words, limit):
    # words are at most 3 "tokens" and the budget at least 4, so no word needs cutting
    text = " ".join(words)
    pieces = fit_pieces(text, word_counter, limit)
    assert " ".join(pieces) == " ".join(text.split())
    assert all(sum(word_counter(p.split())) <= limit - 2 or len(p.split()) == 1 for p in pieces)


def test_fit_pieces_prefers_clause_boundaries():
    text = "eerst dit stuk, dan dat stuk; en tot slot dit laatste stuk"
    # budget 6 tokens (8 minus room for end-of-sequence): clauses of 3 + 3 words pack together
    assert fit_pieces(text, lambda ws: [1] * len(ws), 8) == ["eerst dit stuk, dan dat stuk;",
                                                             "en tot slot dit laatste stuk"]
    # budget 5: the 6-word clause alone is too long and falls back to word windows
    assert fit_pieces(text, lambda ws: [1] * len(ws), 7) == ["eerst dit stuk,", "dan dat stuk;",
                                                             "en tot slot dit laatste", "stuk"]


def test_word_longer_than_limit_is_cut_into_windows_without_loss():
    word = "x" * 500
    pieces = fit_pieces(word, lambda ws: [len(w) for w in ws], 50)
    assert "".join(pieces) == word and len(pieces) > 1


def test_chunking_translator_rejoins_pieces_in_order():
    class Upper:
        def translate_batch(self, sentences):
            return [s.upper() for s in sentences]

    translator = ChunkingTranslator(Upper(), lambda ws: [1] * len(ws), 6)
    long = "een twee drie vier, vijf zes zeven acht negen tien"
    assert translator.translate_batch(["kort.", long]) == ["KORT.", long.upper()]


@pytest.fixture(scope="module")
def tiny_translator(models):
    return load_translator(str(models["marian"]), settings=TranslationSettings(max_new_tokens=6),
                           runtime=RuntimeSettings(device="cpu"))


def test_document_keeps_paragraphs_and_every_sentence(tiny_translator):
    text = "Titel zonder punt\n\nDit is een zin. Dit ook.\n\nDerde alinea, één zin."
    document = translate_document(text, tiny_translator)
    assert [(s.paragraph, s.source) for s in document.segments] == [
        (0, "Titel zonder punt"), (1, "Dit is een zin."), (1, "Dit ook."), (2, "Derde alinea, één zin.")]
    assert all(s.translation for s in document.segments)
    assert document.text.count("\n\n") == 2


def test_sentence_longer_than_model_limit_is_translated_in_pieces(tiny_translator, spy):
    inner = tiny_translator.inner
    sentence = " ".join(["De gemeente onderzoekt twee opties en de wethouder is blij"] * 40)
    assert inner.count_tokens([sentence])[0] > inner.max_input_tokens
    calls = spy(inner, "translate_batch")
    [translation] = tiny_translator.translate_batch([sentence])
    pieces = calls[0]
    assert len(pieces) > 1 and " ".join(pieces) == sentence
    assert all(n <= inner.max_input_tokens for n in inner.count_tokens(pieces))
    assert translation


def test_missing_directory_and_uncached_hub_id(tmp_path, no_network):
    with pytest.raises(ModelNotFoundError, match="holds no model"):
        ModelRef(str(tmp_path)).info()
    with pytest.raises(ModelNotFoundError, match=r"not in the local Hugging Face cache .* offline mode is on"):
        ModelRef("Helsinki-NLP/opus-mt-xx-yy", offline=True).info()


def test_remote_code_is_refused_unless_allowed(tmp_path):
    (tmp_path / "config.json").write_text(
        '{"model_type": "custom-news", "auto_map": {"AutoConfig": "configuration_custom.CustomConfig"}}')
    (tmp_path / "configuration_custom.py").write_text("raise SystemExit('remote code ran')\n")
    with pytest.raises(RemoteCodeRefusedError, match="--trust-remote-code"):
        ModelRef(str(tmp_path)).info()
    with pytest.raises(RemoteCodeRefusedError):
        load_translator(str(tmp_path))


def test_counting_a_long_text_does_not_warn_of_indexing_errors(models, capfd):
    translator = load_translator(str(models["marian"]), offline=True, settings=TranslationSettings(max_new_tokens=4))
    capfd.readouterr()
    translator.translate_batch(["Het waterschap versterkt de dijk " * 40])  # far over the 64-token limit
    assert "indexing errors" not in capfd.readouterr().err  # it is chunked, not fed whole
