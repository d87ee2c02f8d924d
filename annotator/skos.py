"""Read a SKOS vocabulary (Turtle, RDF/XML or N-Triples) with rdflib.

A subject is a concept when it is typed skos:Concept, schema:Person, schema:Organization or
schema:Place, or has a skos:prefLabel. Its type comes from rdf:type: schema:Person is a person,
schema:Organization an organisation, schema:Place a location, anything else a topic.
"""

from __future__ import annotations

from pathlib import Path

import rdflib
from rdflib.term import Literal, URIRef

from annotator.model import Concept, ConceptType
from annotator.vocabulary import Vocabulary, VocabularyError

SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA_NAMESPACES = ("http://schema.org/", "https://schema.org/")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SCHEMA_TYPES: dict[str, ConceptType] = {
    "Person": "person",
    "Organization": "organisation",
    "Place": "location",
}
PREFERRED_LANGUAGES = ("en", "en-gb", "en-us", None)


def load_skos(path: Path, *, rdf_format: str) -> Vocabulary:
    """Read SKOS concepts from ``path``; raise VocabularyError naming the subject at fault."""
    graph = rdflib.Graph()
    try:
        graph.parse(str(path), format=rdf_format)
    except Exception as error:  # rdflib raises many unrelated types for malformed input
        raise VocabularyError(f"{path}: not valid {rdf_format} ({error})") from None

    skos_concept = URIRef(SKOS + "Concept")
    pref_label = URIRef(SKOS + "prefLabel")
    rdf_type = URIRef(RDF_TYPE)
    subjects: set[URIRef] = set()
    for subject in graph.subjects(rdf_type, skos_concept):
        if isinstance(subject, URIRef):
            subjects.add(subject)
    for namespace in SCHEMA_NAMESPACES:
        for name in SCHEMA_TYPES:
            for subject in graph.subjects(rdf_type, URIRef(namespace + name)):
                if isinstance(subject, URIRef):
                    subjects.add(subject)
    for subject in graph.subjects(pref_label, None):
        if isinstance(subject, URIRef):
            subjects.add(subject)

    def literals(subject: URIRef, predicate: str) -> list[Literal]:
        found = [
            o for o in graph.objects(subject, URIRef(SKOS + predicate)) if isinstance(o, Literal)
        ]
        return sorted(found, key=lambda literal: (str(literal.language or ""), str(literal)))

    def resources(subject: URIRef, predicate: str) -> tuple[str, ...]:
        found = {
            str(o)
            for o in graph.objects(subject, URIRef(SKOS + predicate))
            if isinstance(o, URIRef)
        }
        return tuple(sorted(found))

    concepts: list[Concept] = []
    for subject in sorted(subjects, key=str):
        preferred = literals(subject, "prefLabel")
        if not preferred:
            raise VocabularyError(
                f"{path}: subject <{subject}> has no skos:prefLabel", uri=str(subject)
            )
        label = _preferred(preferred)
        alternatives = [str(literal) for literal in literals(subject, "altLabel")]
        alternatives += [str(literal) for literal in preferred if str(literal) != label]
        definitions = literals(subject, "definition")
        concept = Concept(
            uri=str(subject),
            type=_concept_type({str(o) for o in graph.objects(subject, rdf_type)}),
            pref_label=label,
            alt_labels=tuple(dict.fromkeys(alternatives)),
            hidden_labels=tuple(
                dict.fromkeys(str(lit) for lit in literals(subject, "hiddenLabel"))
            ),
            broader=resources(subject, "broader"),
            related=resources(subject, "related"),
            description=_preferred(definitions) if definitions else "",
        )
        concepts.append(concept)
    try:
        return Vocabulary(concepts=tuple(concepts))
    except VocabularyError as error:
        subject_note = f" (subject <{error.uri}>)" if error.uri else ""
        raise VocabularyError(f"{path}{subject_note}: {error}", uri=error.uri) from None


def _preferred(labels: list[Literal]) -> str:
    """Return the English (or untagged) preferred label, else the first one."""
    for language in PREFERRED_LANGUAGES:
        for literal in labels:
            tag = literal.language.lower() if literal.language else None
            if tag == language:
                return str(literal)
    return str(labels[0])


def _concept_type(types: set[str]) -> ConceptType:
    """Return the concept type named by a set of rdf:type URIs."""
    for namespace in SCHEMA_NAMESPACES:
        for name, concept_type in SCHEMA_TYPES.items():
            if namespace + name in types:
                return concept_type
    return "topic"
