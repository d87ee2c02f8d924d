"""Fixtures for the engine's tests: the test vocabulary and a helper to annotate plain text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from annotator import AnnotationResult, Annotator, Article, Vocabulary, load_vocabulary

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    return load_vocabulary(DATA / "vocabulary.csv")


@pytest.fixture(scope="session")
def annotator(vocabulary: Vocabulary) -> Annotator:
    return Annotator(vocabulary)


@pytest.fixture(scope="session")
def annotate(annotator: Annotator) -> Callable[..., AnnotationResult]:
    def run(*body: str, headline: str = "", standfirst: str = "") -> AnnotationResult:
        return annotator.annotate(
            Article(id="t", headline=headline, standfirst=standfirst, body=tuple(body))
        )

    return run


@pytest.fixture(scope="session")
def concepts(annotate: Callable[..., AnnotationResult]) -> Callable[..., set[str]]:
    def run(*body: str, headline: str = "", standfirst: str = "") -> set[str]:
        result = annotate(*body, headline=headline, standfirst=standfirst)
        return {annotation.concept for annotation in result.annotations}

    return run
