"""Unpack uploaded ninjs files (.json, or a .zip holding JSON and media) into a private folder.

Archive members get paths checked before anything is written: no absolute paths, no "..", no
NUL, no more than ``ZIP_MAX_MEMBERS`` members and ``ZIP_MAX_BYTES`` unpacked, counted as the
bytes are written, so a zip bomb stops at the cap whatever its headers claim.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from django.core.files.uploadedfile import UploadedFile

ZIP_MAX_MEMBERS = 2000
ZIP_MAX_BYTES = 1024 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024


class UploadError(ValueError):
    """An uploaded file was refused; the message names it and says why."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Unpacked:
    files: tuple[tuple[str, Path], ...]
    """(label, path) of every JSON file to import, in upload order."""
    errors: tuple[str, ...]
    """One message per upload that was refused whole."""


def unpack_uploads(uploads: Iterable[UploadedFile], into: Path) -> Unpacked:
    """Write each upload under its own folder in ``into``; refuse what is not .json or .zip."""
    files: list[tuple[str, Path]] = []
    errors: list[str] = []
    for number, upload in enumerate(uploads, start=1):
        name = PurePosixPath((upload.name or "").replace("\\", "/")).name or f"upload-{number}"
        folder = into / f"upload-{number}"
        folder.mkdir(parents=True)
        try:
            if name.lower().endswith(".json"):
                target = folder / "item.json"
                _write(upload.chunks(CHUNK_BYTES), target, limit=ZIP_MAX_BYTES, label=name)
                files.append((name, target))
            elif name.lower().endswith(".zip"):
                files.extend(_unzip(upload, folder, label=name))
            else:
                raise UploadError(f"{name}: only .json files and .zip archives can be imported.")
        except UploadError as error:
            errors.append(str(error))
    return Unpacked(files=tuple(files), errors=tuple(errors))


def _unzip(upload: UploadedFile, folder: Path, *, label: str) -> list[tuple[str, Path]]:
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError) as error:
        raise UploadError(f"{label}: this is not a zip archive that can be read.") from error
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) > ZIP_MAX_MEMBERS:
            raise UploadError(f"{label}: the archive holds more than {ZIP_MAX_MEMBERS} files.")
        for info in members:
            _check_member_name(info.filename, label=label)
        found: list[tuple[str, Path]] = []
        budget = ZIP_MAX_BYTES
        for info in members:
            target = folder.joinpath(*PurePosixPath(info.filename).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with archive.open(info) as member:
                    budget -= _write(_chunks(member), target, limit=budget, label=label)
            except (zipfile.BadZipFile, RuntimeError, OSError, EOFError) as error:
                raise UploadError(
                    f"{label}: {info.filename} cannot be unpacked ({error})."
                ) from error
            if info.filename.lower().endswith(".json"):
                found.append((f"{label}:{info.filename}", target))
    if not found:
        raise UploadError(f"{label}: the archive holds no .json file.")
    return sorted(found)


def _check_member_name(name: str, *, label: str) -> None:
    path = PurePosixPath(name)
    if (
        not name
        or "\x00" in name
        or "\\" in name
        or path.is_absolute()
        or ".." in path.parts
        or (path.parts and ":" in path.parts[0])
    ):
        raise UploadError(f"{label}: the archive holds a path that is not allowed ({name[:80]!r}).")


def _chunks(handle: IO[bytes]) -> Iterator[bytes]:
    while chunk := handle.read(CHUNK_BYTES):
        yield chunk


def _write(chunks: Iterable[bytes], target: Path, *, limit: int, label: str) -> int:
    written = 0
    with target.open("wb") as out:
        for chunk in chunks:
            written += len(chunk)
            if written > limit:
                raise UploadError(
                    f"{label}: unpacked, the upload is larger than {ZIP_MAX_BYTES // (1024 * 1024)} MB."
                )
            out.write(chunk)
    return written
