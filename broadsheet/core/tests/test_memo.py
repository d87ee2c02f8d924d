"""VersionedMemo: built once per process, built again after a change or its time to live."""

import pytest
from django.test import TestCase

from broadsheet.core.memo import PureMemo, VersionedMemo


@pytest.fixture
def memo():
    return VersionedMemo("test.memo", ttl_seconds=60.0, max_entries=3)


def test_a_value_is_built_once_and_again_after_invalidation(memo, db):
    builds = []

    def build():
        builds.append(1)
        return len(builds)

    assert memo.get("a", build) == 1
    assert memo.get("a", build) == 1
    memo.invalidate()
    assert memo.get("a", build) == 2
    assert len(builds) == 2


def test_invalidation_is_announced_again_when_the_transaction_commits(memo, db):
    memo.get("a", lambda: "old")
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        memo.invalidate()
    memo.get("a", lambda: "rebuilt before the commit")
    for callback in callbacks:
        callback()
    assert memo.get("a", lambda: "after the commit") == "after the commit"


def test_entries_expire_after_their_time_to_live(memo, monkeypatch):
    import broadsheet.core.memo as module

    now = [1000.0]
    monkeypatch.setattr(module.time, "monotonic", lambda: now[0])
    memo.get("a", lambda: "first")
    now[0] += 59
    assert memo.get("a", lambda: "second") == "first"
    now[0] += 2
    assert memo.get("a", lambda: "second") == "second"


def test_a_build_that_announces_a_change_builds_once_more(memo):
    builds = []

    def build():
        builds.append(1)
        if len(builds) == 1:
            memo._bump()  # e.g. a settings row created on first read
        return len(builds)

    assert memo.get("a", build) == 2
    assert memo.get("a", build) == 2


def test_the_number_of_entries_is_bounded(memo):
    for key in "abcd":
        memo.get(key, lambda key=key: key)
    assert len(memo._entries) <= 3


def test_get_many_builds_only_the_missing_keys_in_one_call(memo):
    calls = []

    def build_many(keys):
        calls.append(list(keys))
        return {key: key.upper() for key in keys}

    assert memo.get_many(["a", "b"], build_many) == {"a": "A", "b": "B"}
    assert memo.get_many(["b", "c"], build_many) == {"b": "B", "c": "C"}
    assert calls == [["a", "b"], ["c"]]


def test_a_pure_memo_builds_once_per_key_and_forgets_all_when_full():
    memo = PureMemo("test.pure", max_entries=2)
    builds = []

    def build(value):
        builds.append(value)
        return value * 2

    assert [memo.get(n, lambda n=n: build(n)) for n in (1, 1, 2, 1)] == [2, 2, 4, 2]
    assert builds == [1, 2]
    memo.get(3, lambda: build(3))  # a third key: the memo starts again
    memo.get(1, lambda: build(1))
    assert builds == [1, 2, 3, 1]
