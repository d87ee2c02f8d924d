"""A fake annotator for the harness tests: answers fixed in advance per article id."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from annotator import Annotation, AnnotationResult, Article, Evidence, Predicate


def annotation(concept: str, predicate: Predicate = "mentions", *texts: str) -> Annotation:
    """Return an annotation whose evidence spans carry the given texts."""
    evidence = tuple(
        Evidence(part="body", paragraph=0, start=0, end=len(text), text=text) for text in texts
    )
    return Annotation(concept=concept, predicate=predicate, score=0.5, evidence=evidence)


class FakeAnnotator:
    """Answer each article id with annotations fixed in advance; unknown ids get none."""

    def __init__(self, answers: Mapping[str, Sequence[Annotation]]) -> None:
        self.answers = answers
        self.seen: list[str] = []

    def annotate(self, article: Article) -> AnnotationResult:
        self.seen.append(article.id)
        return AnnotationResult(
            article_id=article.id, annotations=tuple(self.answers.get(article.id, ()))
        )
