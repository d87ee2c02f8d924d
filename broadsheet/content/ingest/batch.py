"""Import many ninjs files one by one: each is its own transaction, a failure stops none of the rest."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from broadsheet.content.actions import ImportResult, import_ninjs_item
from broadsheet.content.models import SectionPage

from .media import Fetcher
from .ninjs import NinjsError, load_ninjs_file

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class FileOutcome:
    label: str
    result: ImportResult | None
    error: str
    """``"label: field: what is wrong"``; empty when the file was imported."""

    @property
    def url(self) -> str:
        if self.result is None:
            return ""
        page = self.result.page
        return page.get_full_url() or page.url_path


def collect_json_files(paths: Sequence[Path]) -> list[tuple[str, Path]]:
    """Return (label, path) for each file given and each .json file inside each folder given."""
    files: list[tuple[str, Path]] = []
    for path in paths:
        if path.is_dir():
            files.extend((str(found), found) for found in sorted(path.rglob("*.json")))
        else:
            files.append((str(path), path))
    return files


def import_ninjs_files(
    files: Sequence[tuple[str, Path]],
    *,
    section: SectionPage,
    publish: bool,
    user: Any = None,
    fetcher: Fetcher | None = None,
) -> Iterator[FileOutcome]:
    """Import each (label, path) in turn and yield what became of it, in order."""
    for label, path in files:
        try:
            data = load_ninjs_file(path)
            result = import_ninjs_item(
                data,
                base_dir=path.parent,
                section=section,
                publish=publish,
                user=user,
                fetcher=fetcher,
            )
        except NinjsError as error:
            yield FileOutcome(label=label, result=None, error=f"{label}: {error}")
        except Exception as error:
            logger.exception("Importing the ninjs file %r failed unexpectedly", label)
            yield FileOutcome(
                label=label,
                result=None,
                error=f"{label}: the import failed unexpectedly ({type(error).__name__}).",
            )
        else:
            yield FileOutcome(label=label, result=result, error="")
