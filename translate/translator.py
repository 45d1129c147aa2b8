"""Translators on top of the engine layer: a translation model, a prompted instruction model, or
no model at all when source and target language are the same."""

from __future__ import annotations

from typing import Any

import prompts
from engines import Backend, Decoding, ModelRef, Progress, RuntimeSettings, load_backend, offline_requested

from .chunking import ChunkingTranslator
from .settings import TranslationSettings


def default_translation_model(source_language: str, target_language: str) -> str:
    """The OPUS-MT model for a language pair, e.g. Helsinki-NLP/opus-mt-nl-en."""
    return f"Helsinki-NLP/opus-mt-{source_language}-{target_language}"


class ModelTranslator:
    """A translation model (Marian / OPUS-MT, T5 with its task prefix, ...) behind `translate_batch`."""

    def __init__(self, backend: Backend, decoding: Decoding, prefix: str = "", progress: Progress | None = None):
        self.backend = backend
        self.decoding = decoding
        self.prefix = prefix
        self.progress = progress
        self.name = backend.name
        self.engine = backend.describe()
        self.overhead = len(backend.encode([prefix])[0])  # the prefix and the special tokens
        self.max_input_tokens = backend.max_input_tokens - (self.overhead - len(backend.encode([""])[0]))
        self._encoded: dict[str, list[int]] = {}

    def count_tokens(self, texts: list[str]) -> list[int]:
        """Tokens of each text; the encodings are kept for the `translate_batch` that follows.

        The chunker counts every sentence before translating it: with a slow (Python) tokenizer,
        encoding twice cost a tenth of a GPU run's time.
        """
        encoded = self.backend.encode([self.prefix + text for text in texts])
        self._encoded.update(zip(texts, encoded))
        return [max(0, len(ids) - self.overhead) for ids in encoded]

    def translate_batch(self, sentences: list[str]) -> list[str]:
        known, self._encoded = self._encoded, {}
        missing = [sentence for sentence in sentences if sentence not in known]
        known.update(zip(missing, self.backend.encode([self.prefix + sentence for sentence in missing])))
        return self.backend.generate([known[sentence] for sentence in sentences], self.decoding,
                                     progress=self.progress)


class PromptedTranslator:
    """An instruction model asked to translate each sentence through a prompt template."""

    def __init__(self, backend: Backend, decoding: Decoding, template: prompts.PromptTemplate,
                 source_language: str, target_language: str, progress: Progress | None = None):
        self.backend = backend
        self.decoding = decoding
        self.template = template
        self.values = {"source_language": source_language, "target_language": target_language}
        self.progress = progress
        self.name = backend.name
        self.engine = backend.describe()
        overhead = len(self._encode(""))
        # A decoder's prompt and answer share one window: the answer may be as long as the input again.
        share = 1 if backend.encoder_decoder else 3
        self.max_input_tokens = max(16, (backend.max_input_tokens - overhead) // share)

    def _encode(self, text: str) -> list[int]:
        return self.backend.encode_prompt(*self.template.render(**self.values, text=text))

    def count_tokens(self, texts: list[str]) -> list[int]:
        return self.backend.count_tokens(texts)

    def translate_batch(self, sentences: list[str]) -> list[str]:
        inputs = [self._encode(sentence) for sentence in sentences]
        outputs = self.backend.generate(inputs, self.decoding, progress=self.progress,
                                        relative_to=self.count_tokens(sentences))
        return [" ".join(text.split()) for text in outputs]


class IdentityTranslator:
    """Source and target language are the same: nothing to translate, no model to load."""

    name = None
    engine = None

    def translate_batch(self, sentences: list[str]) -> list[str]:
        return list(sentences)


def load_translator(model: str | None = None, *, source_language: str = "nl", target_language: str = "en",
                    settings: TranslationSettings | None = None, runtime: RuntimeSettings | None = None,
                    offline: bool = False, trust_remote_code: bool = False, progress: Progress | None = None,
                    prompt_dirs: list[str] | tuple[str, ...] = ()) -> Any:
    """A translator that never truncates: inputs over the model's limit are split and rejoined.

    The kind of model is read from its config: decoder-only models are prompted, encoder-decoder
    models are fed the sentence (unless `settings.prompt` names a template). With the same source
    and target language and no model named, sentences pass through unchanged.
    """
    settings = settings or TranslationSettings()
    settings.validate()
    if model is None and source_language == target_language:
        return IdentityTranslator()
    ref = ModelRef(model or default_translation_model(source_language, target_language),
                   offline=offline_requested(offline), trust_remote_code=trust_remote_code)
    backend = load_backend(ref, runtime or RuntimeSettings(), role="translation model")
    task = f"translation_{source_language}_to_{target_language}"
    decoding = settings.resolve(backend.info.decoding_defaults(task))
    if settings.prompt or not backend.encoder_decoder:
        family = "seq2seq" if backend.encoder_decoder else "chat"
        template = prompts.get_template(settings.prompt or f"translate-{family}", list(prompt_dirs))
        inner: ModelTranslator | PromptedTranslator = PromptedTranslator(
            backend, decoding, template, source_language, target_language, progress)
    else:
        inner = ModelTranslator(backend, decoding, backend.info.task_params(task).get("prefix", ""), progress)
    return ChunkingTranslator(inner, inner.count_tokens, inner.max_input_tokens)
