"""Command line: ``python -m annotator.eval [--split dev|test|all] [--check] [--verbose]``.

Prints precision, recall and F1 per concept type and per predicate, the concept-set F1, the
about precision and the ambiguity accuracy. Exit status: 0; 1 with --check when a target is
missed; 2 when the gold set cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from annotator.engine import Annotator
from annotator.eval.gold import GOLD_DIR, GoldError, load_gold
from annotator.eval.metrics import ArticleAnnotator
from annotator.eval.report import evaluate, render
from annotator.vocabulary import Vocabulary


def main(
    argv: Sequence[str] | None = None,
    *,
    make_annotator: Callable[[Vocabulary], ArticleAnnotator] = Annotator,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the evaluation and return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = argparse.ArgumentParser(
        prog="python -m annotator.eval",
        description="Score the annotator against the hand-labelled gold set.",
    )
    parser.add_argument(
        "--split",
        choices=("dev", "test", "all"),
        default="dev",
        help="articles to score (default: dev; the targets are set for test)",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit with status 1 when a target is missed"
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="list false positives and negatives per article, and the failed ambiguity cases",
    )
    parser.add_argument(
        "--gold", default=str(GOLD_DIR), help="gold folder to read (default: the shipped one)"
    )
    options = parser.parse_args(argv)
    try:
        gold = load_gold(options.gold)
    except GoldError as error:
        print(f"annotator.eval: {error}", file=err)
        return 2
    evaluation = evaluate(gold, make_annotator(gold.vocabulary), split=options.split)
    out.write(render(evaluation, verbose=options.verbose))
    if options.check and not all(target.met for target in evaluation.targets()):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
