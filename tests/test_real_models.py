"""Checks on the real default models, for a machine that has them in its Hugging Face cache.

The test models elsewhere have random weights; these confirm on real weights that every engine's
conversion keeps the published quality. Run them after `newsdigest models download`:
    python -m pytest -m real
They skip where the models are not cached (as on machines without access to the hub).
"""

import pytest

from engines import RuntimeSettings
from newsdigest.evaluation import read_lines, score_translations, translate_lines
from translate import load_translator

pytestmark = pytest.mark.real
OPUS_MT_NL_EN = "Helsinki-NLP/opus-mt-nl-en"
PUBLISHED_BLEU = 29.6  # ../shared/eval/published_scores: FLORES-200 devtest nld->eng, sacrebleu 13a


def require_cached(name: str) -> None:
    from huggingface_hub import try_to_load_from_cache

    if not isinstance(try_to_load_from_cache(name, "config.json"), str):
        pytest.skip(f"{name} is not in the local Hugging Face cache (run `newsdigest models download`)")


@pytest.mark.parametrize(("engine", "precision"), [("torch", "float32"), ("ct2", "int8"), ("ct2", "float32")])
def test_opus_mt_nl_en_keeps_its_published_flores_bleu_on_every_engine(shared_eval, engine, precision):
    require_cached(OPUS_MT_NL_EN)
    flores = shared_eval / "flores200_devtest"
    sources, references = read_lines(flores / "nld_Latn.devtest"), read_lines(flores / "eng_Latn.devtest")
    translator = load_translator(OPUS_MT_NL_EN, offline=True,
                                 runtime=RuntimeSettings(engine=engine, precision=precision))
    assert translator.engine.startswith(engine)
    bleu = score_translations(translate_lines(sources, translator, "nl"), references)["bleu"]["score"]
    assert abs(bleu - PUBLISHED_BLEU) <= 0.5, f"BLEU {bleu:.1f} on {translator.engine}"
