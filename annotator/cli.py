"""The command line: annotate article files as JSON lines, or explain the result to a person."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from annotator.articles import ArticleError, load_article
from annotator.engine import Annotator
from annotator.model import AnnotationResult, Article, Evidence
from annotator.vocabulary import Vocabulary, VocabularyError, load_vocabulary


def result_as_json(result: AnnotationResult) -> dict[str, object]:
    """Return the JSON-ready form of one article's result (the `annotate` line)."""
    return {
        "article": result.article_id,
        "annotations": [
            {
                "concept": annotation.concept,
                "predicate": annotation.predicate,
                "score": annotation.score,
                "evidence": [_evidence_as_json(e) for e in annotation.evidence],
            }
            for annotation in result.annotations
        ],
        "suggestions": [
            {
                "surface": suggestion.surface,
                "candidates": list(suggestion.candidates),
                "reason": suggestion.reason,
                "evidence": [_evidence_as_json(e) for e in suggestion.evidence],
            }
            for suggestion in result.suggestions
        ],
    }


def _evidence_as_json(evidence: Evidence) -> dict[str, object]:
    return {
        "part": evidence.part,
        "paragraph": evidence.paragraph,
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
    }


def explain(result: AnnotationResult, article: Article, vocabulary: Vocabulary) -> str:
    """Return a plain-text account of one article's annotations and suggestions."""
    lines = [f"Article {result.article_id}: {article.headline or '(no headline)'}"]
    if not result.annotations:
        lines.append("  No concept found.")
    for annotation in result.annotations:
        concept = vocabulary[annotation.concept]
        lines.append(
            f"  {annotation.predicate:<14} {annotation.score:.2f}  {concept.pref_label} "
            f"({concept.type}, {concept.uri})"
        )
        for evidence in annotation.evidence:
            lines.append(f"      {_where(evidence)}: \u201c{evidence.text}\u201d")
    for suggestion in result.suggestions:
        names = ", ".join(f"{vocabulary[uri].pref_label} ({uri})" for uri in suggestion.candidates)
        lines.append(f"  For an editor: \u201c{suggestion.surface}\u201d could be {names}")
        lines.append(f"      left open: {suggestion.reason}")
        for evidence in suggestion.evidence:
            lines.append(f"      {_where(evidence)}: \u201c{evidence.text}\u201d")
    return "\n".join(lines)


def _where(evidence: Evidence) -> str:
    if evidence.paragraph is None:
        return f"{evidence.part} {evidence.start}-{evidence.end}"
    return f"body paragraph {evidence.paragraph + 1} {evidence.start}-{evidence.end}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m annotator",
        description="Find the concepts of a vocabulary in article files.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("annotate", "write one JSON line per article"),
        ("explain", "print the annotations and their evidence for a person to read"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument(
            "--vocabulary", required=True, help="a vocabulary: .csv, or SKOS as .ttl/.rdf/.xml"
        )
        command.add_argument("articles", nargs="+", metavar="ARTICLE.json")
    return parser


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line and return the exit status (2 for unreadable input).

    Every file is read and checked before anything is written, so a bad article file leaves
    no partial output.
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    arguments = _parser().parse_args(argv)
    try:
        vocabulary = load_vocabulary(arguments.vocabulary)
        articles = [article for path in arguments.articles for article in load_article(path)]
    except (VocabularyError, ArticleError) as error:
        print(f"error: {error}", file=err)
        return 2
    annotator = Annotator(vocabulary)
    for number, article in enumerate(articles):
        result = annotator.annotate(article)
        if arguments.command == "annotate":
            out.write(json.dumps(result_as_json(result), ensure_ascii=False) + "\n")
        else:
            if number:
                out.write("\n")
            out.write(explain(result, article, vocabulary) + "\n")
    return 0
