"""Keep a built index in a file, so that a new process loads it instead of building it again.

Building the automaton and tables costs about a third of a second of CPU per 10,000 concepts
(see docs/benchmarks-annotator.md); loading the saved index costs about half of that. One file
per vocabulary, named after its fingerprint:

    <directory>/annotator-index-<fingerprint>.pickle

The fingerprint is a SHA-256 over the vocabulary's content (every field of every concept, in
order), this engine's index-building source files, the Python and pyahocorasick versions and
the file format. Any change to any of them names another file, so a stale file is never
read for a newer vocabulary or engine; it is deleted when the next index is saved.

Pickle safety. Unpickling runs code named in the file, so a file is unpickled only when:

- it lies in the directory the caller gave, which this module creates with mode 0700, and
  neither the directory nor the file is writable by group or others, and both belong to
  the user running the process (POSIX; skipped where the platform has no owners);
- it starts with this format's magic bytes and the expected fingerprint;
- its HMAC-SHA256, under a key only the application knows (the platform derives it from
  SECRET_KEY), matches its fingerprint and payload. A file someone else wrote, or that was
  cut short or damaged, fails this check before any of it is unpickled.

Anything that fails is ignored and the index is built and saved again; nothing here raises
on a bad file. Point ``directory`` only at a folder of the application's own, never at a
shared or upload folder.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import pickle
import stat
import sys
import tempfile
from dataclasses import fields
from importlib import metadata
from pathlib import Path

from annotator.engine import Annotator
from annotator.index import Index, IndexStateError
from annotator.model import Concept
from annotator.vocabulary import Vocabulary, collector_paused

FORMAT = 1
"""Raise when the layout of the file or of ``Index.state`` changes."""
MAGIC = b"BSANNIDX"
_FINGERPRINT_BYTES = 64
_MAC_BYTES = 32
_HEADER = len(MAGIC) + _FINGERPRINT_BYTES + _MAC_BYTES
_PREFIX = "annotator-index-"
_SUFFIX = ".pickle"
_SOURCES = ("commonwords.py", "index.py", "model.py", "normalise.py", "store.py")
"""The engine files whose code decides what an index holds."""


def _engine_digest() -> str:
    digest = hashlib.sha256()
    digest.update(f"format {FORMAT}\n".encode())
    digest.update(f"python {sys.version_info[0]}.{sys.version_info[1]}\n".encode())
    try:
        digest.update(f"pyahocorasick {metadata.version('pyahocorasick')}\n".encode())
    except metadata.PackageNotFoundError:
        digest.update(b"pyahocorasick unknown\n")
    here = Path(__file__).resolve().parent
    for name in _SOURCES:
        digest.update(name.encode() + b"\n" + (here / name).read_bytes())
    return digest.hexdigest()


_ENGINE = _engine_digest()
_FIELDS = tuple(field.name for field in fields(Concept))


def fingerprint(vocabulary: Vocabulary) -> str:
    """Return the 64-hex-digit name of the index of this vocabulary under this engine."""
    digest = hashlib.sha256(_ENGINE.encode())
    for concept in vocabulary.concepts:
        row = [getattr(concept, name) for name in _FIELDS]
        digest.update(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def index_path(directory: str | Path, vocabulary: Vocabulary) -> Path:
    """Return the file that holds (or would hold) the index of a vocabulary."""
    return Path(directory) / f"{_PREFIX}{fingerprint(vocabulary)}{_SUFFIX}"


def _mac(key: bytes, name: bytes, payload: bytes) -> bytes:
    return hmac.new(key, name + payload, hashlib.sha256).digest()


def _private(info: os.stat_result) -> bool:
    """Return whether a file or folder belongs to this user and only this user may write it."""
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    getuid = getattr(os, "geteuid", None)
    return getuid is None or info.st_uid == getuid()


def save_index(index: Index, directory: str | Path, *, key: bytes) -> Path | None:
    """Write an index to its file in ``directory`` and delete the files of other versions.

    The file is written beside its final name and renamed into place, so a reader sees the
    old file or the whole new one. Returns the path, or None when the folder cannot be written
    or is not private (see the module notes); the caller then simply keeps the built index.
    """
    if not key:
        raise ValueError("an index file needs a non-empty key")
    folder = Path(directory)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder.stat()):
            return None
        name = fingerprint(index.vocabulary).encode("ascii")
        payload = pickle.dumps(index.state(), protocol=pickle.HIGHEST_PROTOCOL)
        target = folder / f"{_PREFIX}{name.decode()}{_SUFFIX}"
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=_SUFFIX)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(MAGIC + name + _mac(key, name, payload))
                stream.write(payload)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        for other in folder.glob(f"{_PREFIX}*{_SUFFIX}"):
            if other != target:
                other.unlink(missing_ok=True)
    except OSError:
        return None
    return target


def load_index(vocabulary: Vocabulary, directory: str | Path, *, key: bytes) -> Index | None:
    """Return the saved index of ``vocabulary`` from ``directory``, or None to build it anew.

    None when there is no file, when the folder or file is not private, when the magic bytes,
    fingerprint or HMAC do not match, or when the unpickled state does not fit the vocabulary.
    """
    if not key:
        raise ValueError("an index file needs a non-empty key")
    folder = Path(directory)
    name = fingerprint(vocabulary).encode("ascii")
    path = folder / f"{_PREFIX}{name.decode()}{_SUFFIX}"
    try:
        if not _private(folder.stat()):
            return None
        with path.open("rb") as stream:
            if not _private(os.fstat(stream.fileno())):
                return None
            data = stream.read()
    except OSError:
        return None
    header, payload = data[:_HEADER], data[_HEADER:]
    if len(header) < _HEADER or not header.startswith(MAGIC):
        return None
    if header[len(MAGIC) : len(MAGIC) + _FINGERPRINT_BYTES] != name:
        return None
    if not hmac.compare_digest(header[-_MAC_BYTES:], _mac(key, name, payload)):
        return None
    try:
        # Unpickling makes as many objects as a build: the collector waits as it does there.
        with collector_paused():
            state = pickle.loads(payload)  # noqa: S301 - authenticated above, by save_index
            if not isinstance(state, dict):
                return None
            return Index.from_state(vocabulary, state)
    except (IndexStateError, pickle.UnpicklingError, AttributeError, TypeError, ValueError):
        return None


def cached_annotator(vocabulary: Vocabulary, directory: str | Path, *, key: bytes) -> Annotator:
    """Return an Annotator over ``vocabulary``, its index loaded from ``directory`` if saved there.

    Otherwise the index is built and saved for the next process.
    """
    index = load_index(vocabulary, directory, key=key)
    if index is None:
        index = Index(vocabulary)
        save_index(index, directory, key=key)
    return Annotator(vocabulary, index=index)
