"""newsdigest: translate and summarise news articles into English digests.

>>> from newsdigest import Pipeline, PipelineConfig, load_articles
>>> from summarize import SummarySettings
>>> pipeline = Pipeline(PipelineConfig(summary=SummarySettings(length="3")))
>>> records = list(pipeline.run(load_articles(["examples/"])))
"""

from .articles import Article, Failure, load_articles
from .config import InputSettings, PipelineConfig, resolve_config
from .pipeline import Pipeline
from .render import render

__all__ = ["Article", "Failure", "InputSettings", "Pipeline", "PipelineConfig", "load_articles", "render",
           "resolve_config"]
