"""`digest_on_ray` on a two-node Ray cluster started on this machine with `ray.cluster_utils.Cluster`,
as Ray's own tests do: each node has one CPU, so the two model workers must run on different nodes and
fill them, which is where read or write tasks that need a CPU would wait for ever."""

import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'newsdigest[ray]'")

from ray.cluster_utils import Cluster  # noqa: E402

from newsdigest import PipelineConfig, load_articles  # noqa: E402
from newsdigest.distributed import digest_on_ray  # noqa: E402
from newsdigest.pipeline import Pipeline  # noqa: E402
from translate import TranslationSettings  # noqa: E402
from tests_helpers import EXAMPLES  # noqa: E402


@pytest.fixture(scope="module")
def two_nodes():
    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False})
    cluster.add_node(num_cpus=1)
    cluster.wait_for_nodes()
    ray.init(address=cluster.address, logging_level="ERROR")
    yield cluster
    ray.shutdown()
    cluster.shutdown()


def test_records_from_two_nodes_are_the_local_runners(two_nodes, models, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(12):
        (folder / f"artikel-{index:02d}.txt").write_text(
            f"Titel {index}\n\nDe gemeente onderzoekt twee opties. Reizigers zijn tevreden. Nummer {index}.")
    config = PipelineConfig(translation_model=str(models["marian"]), summary_model=str(models["bart"]),
                            translation=TranslationSettings(max_new_tokens=3))
    assert len([node for node in ray.nodes() if node["Alive"]]) == 2
    result = digest_on_ray([str(folder), str(EXAMPLES / "articles")], config)
    assert result.records == list(Pipeline(config).run(load_articles([folder, EXAMPLES / "articles"])))
    assert result.written == 15 and result.failed == 0
