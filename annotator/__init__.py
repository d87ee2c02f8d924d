"""Find the concepts of a vocabulary in news articles, with evidence for every match.

Pure Python: the standard library, pyahocorasick and (for SKOS files only) rdflib. Never
imports Django, Wagtail or ``broadsheet``; ``broadsheet.concepts`` converts its rows to and from
these frozen dataclasses.
"""

from annotator.articles import ArticleError, article_from_mapping, load_article
from annotator.engine import Annotator
from annotator.model import (
    PREDICATES,
    Annotation,
    AnnotationResult,
    Article,
    Concept,
    ConceptType,
    Evidence,
    Part,
    Predicate,
    Suggestion,
)
from annotator.vocabulary import Vocabulary, VocabularyError, load_vocabulary

__all__ = [
    "PREDICATES",
    "Annotation",
    "AnnotationResult",
    "Annotator",
    "Article",
    "ArticleError",
    "Concept",
    "ConceptType",
    "Evidence",
    "Part",
    "Predicate",
    "Suggestion",
    "Vocabulary",
    "VocabularyError",
    "article_from_mapping",
    "load_article",
    "load_vocabulary",
]
