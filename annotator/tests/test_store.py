"""A saved index: loaded, it annotates exactly as a built one; stale, damaged or foreign, it is rebuilt."""

from __future__ import annotations

import dataclasses
import os
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator import Annotator, Article, Vocabulary
from annotator.eval.gold import load_gold
from annotator.index import Index, IndexStateError
from annotator.store import (
    MAGIC,
    cached_annotator,
    fingerprint,
    index_path,
    load_index,
    save_index,
)
from annotator.tests.test_properties import texts

KEY = b"test key for index files"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "index"


@pytest.fixture(scope="module")
def gold():
    return load_gold()


@pytest.fixture(scope="module")
def built(gold) -> Annotator:
    return Annotator(gold.vocabulary)


def other_vocabulary(vocabulary: Vocabulary) -> Vocabulary:
    """Return the vocabulary with one more alias: another version of it."""
    first, *rest = vocabulary.concepts
    changed = dataclasses.replace(first, alt_labels=(*first.alt_labels, "Zzyzx Quarter"))
    return Vocabulary(concepts=(changed, *rest))


def test_a_loaded_index_annotates_the_gold_set_exactly_as_a_built_one(gold, built, folder):
    saved = save_index(built.index, folder, key=KEY)
    assert saved == index_path(folder, gold.vocabulary)
    assert saved.read_bytes().startswith(MAGIC + fingerprint(gold.vocabulary).encode())
    index = load_index(gold.vocabulary, folder, key=KEY)
    assert index is not None
    assert index is not built.index
    loaded = Annotator(gold.vocabulary, index=index)
    articles = [g.article for g in gold.articles] + [case.article for case in gold.cases]
    assert len(articles) >= 260
    for article in articles:
        assert loaded.annotate(article) == built.annotate(article), article.id


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(headline=texts, body=st.lists(texts, max_size=4))
def test_a_loaded_index_annotates_any_text_as_a_built_one(
    vocabulary, annotator, tmp_path, headline, body
):
    folder = tmp_path / "property-index"
    if load_index(vocabulary, folder, key=KEY) is None:
        save_index(annotator.index, folder, key=KEY)
    index = load_index(vocabulary, folder, key=KEY)
    assert index is not None
    article = Article(id="p", headline=headline, body=tuple(body))
    assert Annotator(vocabulary, index=index).annotate(article) == annotator.annotate(article)


def test_cached_annotator_builds_and_saves_then_loads(gold, folder):
    first = cached_annotator(gold.vocabulary, folder, key=KEY)
    path = index_path(folder, gold.vocabulary)
    assert [p.name for p in folder.iterdir()] == [path.name]
    assert (os.stat(folder).st_mode & 0o777, os.stat(path).st_mode & 0o777) == (0o700, 0o600)
    written = path.stat().st_mtime_ns
    second = cached_annotator(gold.vocabulary, folder, key=KEY)
    assert second.index is not first.index
    assert path.stat().st_mtime_ns == written  # loaded, not written again
    article = gold.articles[0].article
    assert second.annotate(article) == first.annotate(article)


def test_a_changed_vocabulary_gets_a_new_file_and_the_stale_one_goes(gold, built, folder):
    save_index(built.index, folder, key=KEY)
    changed = other_vocabulary(gold.vocabulary)
    assert fingerprint(changed) != fingerprint(gold.vocabulary)
    assert load_index(changed, folder, key=KEY) is None
    annotator = cached_annotator(changed, folder, key=KEY)
    assert [p.name for p in folder.iterdir()] == [index_path(folder, changed).name]
    result = annotator.annotate(Article(id="z", body=("Flats rise in Zzyzx Quarter.",)))
    assert [a.concept for a in result.annotations] == [changed.concepts[0].uri]


def test_a_file_renamed_to_another_vocabulary_is_not_trusted(gold, built, folder):
    saved = save_index(built.index, folder, key=KEY)
    changed = other_vocabulary(gold.vocabulary)
    saved.rename(index_path(folder, changed))
    assert load_index(changed, folder, key=KEY) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),
        lambda data: b"NOTMAGIC" + data[8:],
        lambda data: b"",
    ],
    ids=["truncated", "one-bit-flipped", "wrong-magic", "empty"],
)
def test_a_damaged_file_is_rebuilt_not_trusted(gold, built, folder, damage):
    path = save_index(built.index, folder, key=KEY)
    path.write_bytes(damage(path.read_bytes()))
    assert load_index(gold.vocabulary, folder, key=KEY) is None
    rebuilt = cached_annotator(gold.vocabulary, folder, key=KEY)
    article = gold.articles[1].article
    assert rebuilt.annotate(article) == built.annotate(article)
    assert load_index(gold.vocabulary, folder, key=KEY) is not None  # the good file is back


def test_a_file_written_with_another_key_is_not_unpickled(gold, folder, tmp_path):
    marker = tmp_path / "unpickled"
    # A pickle that touches a file when loaded, with the right magic and fingerprint.
    payload = pickle.dumps(_Touch(marker))
    name = fingerprint(gold.vocabulary).encode()
    folder.mkdir(mode=0o700)
    path = index_path(folder, gold.vocabulary)
    path.write_bytes(MAGIC + name + b"\0" * 32 + payload)
    path.chmod(0o600)
    assert load_index(gold.vocabulary, folder, key=KEY) is None
    assert not marker.exists()
    built = Index(gold.vocabulary)
    save_index(built, folder, key=b"another key")
    assert load_index(gold.vocabulary, folder, key=KEY) is None


def test_an_authentic_state_that_does_not_fit_the_vocabulary_is_refused(gold, folder):
    state = Index(gold.vocabulary).state()
    with pytest.raises(IndexStateError):
        Index.from_state(gold.vocabulary, {**state, "lengths": state["lengths"][:-1]})
    with pytest.raises(IndexStateError):
        Index.from_state(gold.vocabulary, {**state, "stranger": 1})
    small = Vocabulary(
        concepts=tuple(
            dataclasses.replace(c, broader=(), related=(), requires=())
            for c in gold.vocabulary.concepts[:10]
        )
    )
    with pytest.raises(IndexStateError):
        Index.from_state(small, state)


def test_files_or_folders_others_may_write_are_not_trusted(gold, built, folder):
    path = save_index(built.index, folder, key=KEY)
    path.chmod(0o664)
    assert load_index(gold.vocabulary, folder, key=KEY) is None
    path.chmod(0o600)
    assert load_index(gold.vocabulary, folder, key=KEY) is not None
    folder.chmod(0o777)
    assert load_index(gold.vocabulary, folder, key=KEY) is None
    assert save_index(built.index, folder, key=KEY) is None


def test_an_unwritable_folder_leaves_the_built_index_in_use(gold, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    annotator = cached_annotator(gold.vocabulary, blocker / "index", key=KEY)
    assert annotator.annotate(gold.articles[0].article).annotations


def test_an_index_of_another_vocabulary_object_is_refused(gold, vocabulary):
    with pytest.raises(ValueError, match="another vocabulary"):
        Annotator(vocabulary, index=Index(gold.vocabulary))
    with pytest.raises(ValueError, match="non-empty key"):
        load_index(vocabulary, "unused", key=b"")


class _Touch:
    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return (Path.touch, (self.path,))
