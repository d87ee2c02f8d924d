"""The engine's index is saved under ANNOTATOR_INDEX_DIR and loaded by the next process."""

from __future__ import annotations

import pytest

import annotator
from annotator.store import index_path
from broadsheet.concepts import snapshot
from broadsheet.concepts.models import Concept, ConceptLabel, LabelKind


@pytest.fixture
def concepts(db):
    kyiv = Concept.objects.create(
        uri="bs:place/kyiv", type="location", pref_label="Kyiv", slug="kyiv"
    )
    ConceptLabel.objects.create(concept=kyiv, label="Kiev", kind=LabelKind.ALT)
    Concept.objects.create(
        uri="bs:person/ines-moreau", type="person", pref_label="Inès Moreau", slug="ines-moreau"
    )


@pytest.fixture
def fresh_process(monkeypatch):
    """Forget the engine kept in memory, as a newly started process would."""
    monkeypatch.setattr(snapshot, "_built", {})


ARTICLE = annotator.Article(
    id="a", headline="Moreau in Kiev", body=("Inès Moreau arrived in Kyiv. Ms Moreau spoke.",)
)


def test_a_new_process_loads_the_saved_index_and_annotates_alike(
    concepts, settings, tmp_path, fresh_process
):
    settings.ANNOTATOR_INDEX_DIR = str(tmp_path / "index")
    built = snapshot.current_annotator()
    path = index_path(tmp_path / "index", snapshot.build_vocabulary())
    assert path.exists()
    snapshot._built.clear()
    loaded = snapshot.current_annotator()
    assert loaded is not built
    assert loaded.annotate(ARTICLE) == built.annotate(ARTICLE)
    assert {a.concept for a in loaded.annotate(ARTICLE).annotations} == {
        "bs:place/kyiv",
        "bs:person/ines-moreau",
    }


def test_an_index_saved_under_another_secret_key_is_rebuilt(
    concepts, settings, tmp_path, fresh_process
):
    settings.ANNOTATOR_INDEX_DIR = str(tmp_path / "index")
    snapshot.current_annotator()
    path = index_path(tmp_path / "index", snapshot.build_vocabulary())
    first_written = path.read_bytes()
    settings.SECRET_KEY = "another-secret"
    snapshot._built.clear()
    rebuilt = snapshot.current_annotator()
    assert path.read_bytes() != first_written  # rebuilt and saved under the new key
    assert {a.concept for a in rebuilt.annotate(ARTICLE).annotations} == {
        "bs:place/kyiv",
        "bs:person/ines-moreau",
    }


def test_an_empty_setting_keeps_the_index_in_memory_only(
    concepts, settings, monkeypatch, fresh_process
):
    settings.ANNOTATOR_INDEX_DIR = ""

    def no_files(*args, **kwargs):
        raise AssertionError("no index file may be read or written")

    monkeypatch.setattr(snapshot, "cached_annotator", no_files)
    engine = snapshot.current_annotator()
    assert {a.concept for a in engine.annotate(ARTICLE).annotations} == {
        "bs:place/kyiv",
        "bs:person/ines-moreau",
    }
