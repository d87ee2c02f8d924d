"""Write the vocabulary out as CSV (lossless) or SKOS (labels, relations, definitions, types)."""

from __future__ import annotations

import csv
from typing import IO

import rdflib
from rdflib.namespace import RDF, SKOS

from annotator.vocabulary import CSV_COLUMNS

from .models import ANNOTATABLE_TYPES, Concept, LabelKind

SCHEMA = rdflib.Namespace("https://schema.org/")
SCHEMA_CLASS = {
    "person": SCHEMA.Person,
    "organisation": SCHEMA.Organization,
    "location": SCHEMA.Place,
}


def _uri(concept: Concept) -> str:
    return concept.uri or f"bs:concept/{concept.pk}"


def exported_concepts() -> list[Concept]:
    return list(
        Concept.objects.filter(type__in=ANNOTATABLE_TYPES, superseded_by__isnull=True)
        .prefetch_related("labels", "broader", "related", "links")
        .order_by("pk")
    )


def write_csv(handle: IO[str]) -> int:
    """Write every annotatable concept as a CSV row in the import format; return the count."""
    writer = csv.writer(handle)
    writer.writerow(CSV_COLUMNS)
    concepts = exported_concepts()
    for concept in concepts:
        labels = list(concept.labels.all())
        writer.writerow(
            [
                _uri(concept),
                concept.type,
                concept.pref_label,
                "|".join(lab.label for lab in labels if lab.kind == LabelKind.ALT),
                "|".join(lab.label for lab in labels if lab.kind == LabelKind.HIDDEN),
                "|".join(sorted(_uri(b) for b in concept.broader.all())),
                "|".join(sorted(_uri(r) for r in concept.related.all())),
                "|".join(concept.rule("context")),
                "|".join(concept.rule("exclude")),
                "|".join(concept.rule("keywords")),
                "|".join(concept.rule("requires")),
                "" if concept.case_sensitive is None else str(concept.case_sensitive).lower(),
                concept.description,
            ]
        )
    return len(concepts)


def skos_graph() -> rdflib.Graph:
    """Return the vocabulary as SKOS: prefLabel, altLabel, hiddenLabel, broader, related,
    definition, exactMatch, and schema.org classes for people, organisations and places."""
    graph = rdflib.Graph()
    graph.bind("skos", SKOS)
    graph.bind("schema", SCHEMA)
    for concept in exported_concepts():
        subject = rdflib.URIRef(_uri(concept))
        graph.add((subject, RDF.type, SKOS.Concept))
        if concept.type in SCHEMA_CLASS:
            graph.add((subject, RDF.type, SCHEMA_CLASS[concept.type]))
        graph.add((subject, SKOS.prefLabel, rdflib.Literal(concept.pref_label, lang="en")))
        for label in concept.labels.all():
            predicate = SKOS.altLabel if label.kind == LabelKind.ALT else SKOS.hiddenLabel
            graph.add((subject, predicate, rdflib.Literal(label.label, lang="en")))
        for broader in concept.broader.all():
            graph.add((subject, SKOS.broader, rdflib.URIRef(_uri(broader))))
        for related in concept.related.all():
            graph.add((subject, SKOS.related, rdflib.URIRef(_uri(related))))
        if concept.description:
            graph.add((subject, SKOS.definition, rdflib.Literal(concept.description, lang="en")))
        for link in concept.links.all():
            graph.add((subject, SKOS.exactMatch, rdflib.URIRef(link.url)))
    return graph
