"""Import and export of the vocabulary: CSV and SKOS, transactional, with dry runs and merges."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from broadsheet.concepts.actions import merge_concepts
from broadsheet.concepts.models import Concept, ConceptLabel
from broadsheet.concepts.snapshot import build_vocabulary, current_annotator

HEADER = "uri,type,pref_label,alt_labels,hidden_labels,broader,related,context,exclude,keywords,requires,case_sensitive\n"
ROWS = [
    "bs:place/europe,location,Europe,,,,,,,,,",
    "bs:place/ukraine,location,Ukraine,,Ukrainian,bs:place/europe,,,,,,",
    "bs:place/kyiv,location,Kyiv,Kiev,,bs:place/ukraine,,,,,,",
    "bs:topic/energy,topic,Energy,,,,,,,power grid|electricity prices,,",
    "bs:story/energy-crisis,story,Energy crisis,,,bs:topic/energy,,,,gas shortage,,",
]


def vocabulary_file(tmp_path, rows=ROWS, name="vocabulary.csv"):
    path = tmp_path / name
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_import_creates_concepts_with_labels_relations_and_rules(tmp_path):
    output = run("import_vocabulary", str(vocabulary_file(tmp_path)))
    assert "5 concepts were created, 0 updated, 0 unchanged." in output
    kyiv = Concept.objects.get(uri="bs:place/kyiv")
    assert (kyiv.type, kyiv.pref_label, kyiv.slug) == ("location", "Kyiv", "kyiv")
    assert list(kyiv.labels.values_list("label", "kind")) == [("Kiev", "alt")]
    assert [c.uri for c in kyiv.broader.all()] == ["bs:place/ukraine"]
    energy = Concept.objects.get(uri="bs:topic/energy")
    assert energy.rules == {"keywords": ["power grid", "electricity prices"]}
    assert Concept.objects.get(uri="bs:place/ukraine").labels.get().kind == "hidden"


@pytest.mark.django_db
def test_reimport_is_idempotent_and_reports_updates(tmp_path):
    run("import_vocabulary", str(vocabulary_file(tmp_path)))
    assert "0 concepts were created, 0 updated, 5 unchanged." in run(
        "import_vocabulary", str(vocabulary_file(tmp_path))
    )
    changed = [
        *ROWS[:2],
        "bs:place/kyiv,location,Kyiv,Kiev|Kyjiw,,bs:place/ukraine,,,,,,",
        *ROWS[3:],
    ]
    output = run("import_vocabulary", str(vocabulary_file(tmp_path, changed)))
    assert "0 concepts were created, 1 updated, 4 unchanged." in output
    assert list(
        Concept.objects.get(uri="bs:place/kyiv").labels.values_list("label", flat=True)
    ) == ["Kiev", "Kyjiw"]
    assert Concept.objects.count() == 5


@pytest.mark.django_db
def test_dry_run_reports_and_writes_nothing(tmp_path):
    output = run("import_vocabulary", str(vocabulary_file(tmp_path)), "--dry-run")
    assert "5 concepts would be created" in output
    assert "  create bs:place/kyiv" in output
    assert Concept.objects.count() == 0
    assert ConceptLabel.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([*ROWS, "bs:place/europe,location,Europe again,,,,,,,,,"], "line 7"),
        ([*ROWS, "bs:x/thing,planet,Mars,,,,,,,,,"], 'unknown type "planet"'),
        (
            [
                *ROWS,
                "bs:place/a,location,A,,,bs:place/b,,,,,,",
                "bs:place/b,location,B,,,bs:place/a,,,,,,",
            ],
            "cycle",
        ),
        ([*ROWS, "bs:place/c,location,C,,,bs:place/nowhere,,,,,,"], "bs:place/nowhere"),
    ],
)
def test_a_bad_file_names_the_fault_and_imports_nothing(tmp_path, rows, message):
    with pytest.raises(CommandError, match=message) as refused:
        run("import_vocabulary", str(vocabulary_file(tmp_path, rows)))
    assert "Nothing was imported" in str(refused.value)
    assert Concept.objects.count() == 0


@pytest.mark.django_db
def test_import_refuses_a_cycle_through_concepts_already_in_the_database(tmp_path):
    run("import_vocabulary", str(vocabulary_file(tmp_path)))
    # Europe under Kyiv would close the loop Kyiv -> Ukraine -> Europe -> Kyiv.
    looped = ["bs:place/europe,location,Europe,,,bs:place/kyiv,,,,,,", *ROWS[1:]]
    with pytest.raises(CommandError, match="cycle"):
        run("import_vocabulary", str(vocabulary_file(tmp_path, looped)))
    assert list(Concept.objects.get(uri="bs:place/europe").broader.all()) == []


@pytest.mark.django_db
def test_csv_export_round_trips(tmp_path):
    run("import_vocabulary", str(vocabulary_file(tmp_path)))
    exported = tmp_path / "out.csv"
    assert "Exported 5 concepts" in run("export_vocabulary", str(exported))
    before = build_vocabulary()
    Concept.objects.all().delete()
    run("import_vocabulary", str(exported))
    after = build_vocabulary()
    assert sorted(before.concepts, key=lambda c: c.uri) == sorted(
        after.concepts, key=lambda c: c.uri
    )


@pytest.mark.django_db
def test_skos_export_then_import(tmp_path):
    run("import_vocabulary", str(vocabulary_file(tmp_path)))
    Concept.objects.filter(uri="bs:place/kyiv").update(description="Capital of Ukraine.")
    turtle = tmp_path / "out.ttl"
    run("export_vocabulary", str(turtle))
    text = turtle.read_text()
    assert "skos:altLabel" in text
    assert "schema:Place" in text
    Concept.objects.all().delete()
    run("import_vocabulary", str(turtle))
    kyiv = Concept.objects.get(uri="bs:place/kyiv")
    assert kyiv.type == "location"
    assert list(kyiv.labels.values_list("label", flat=True)) == ["Kiev"]
    assert [c.uri for c in kyiv.broader.all()] == ["bs:place/ukraine"]


@pytest.mark.django_db
def test_merge_redirects_and_leaves_the_survivor_in_the_vocabulary(tmp_path):
    run("import_vocabulary", str(vocabulary_file(tmp_path)))
    kiev = Concept.objects.create(
        uri="bs:place/kiev-old", type="location", pref_label="Kiev (old)", slug="kiev-old"
    )
    kyiv = Concept.objects.get(uri="bs:place/kyiv")
    merge_concepts(kiev, into=kyiv)
    kiev.refresh_from_db()
    assert kiev.superseded_by == kyiv
    assert kiev.survivor() == kyiv
    assert "bs:place/kiev-old" not in build_vocabulary()
    with pytest.raises(ValueError, match="into itself"):
        merge_concepts(kyiv, into=kiev)


@pytest.mark.django_db
def test_the_engine_is_rebuilt_when_the_vocabulary_changes(tmp_path):
    run("import_vocabulary", str(vocabulary_file(tmp_path)))
    first = current_annotator()
    assert current_annotator() is first
    Concept.objects.create(uri="bs:place/lviv", type="location", pref_label="Lviv", slug="lviv")
    assert current_annotator() is not first


@pytest.mark.django_db
def test_editing_a_concept_in_the_admin_reannotates(client, django_user_model, monkeypatch):
    from django.test import TestCase

    from broadsheet.concepts import signals

    sent = []
    monkeypatch.setattr(
        signals.vocabulary_changed, "send", lambda **kwargs: sent.append(kwargs["uris"])
    )
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            "/admin/snippets/concepts/concept/add/",
            {
                "pref_label": "Lviv",
                "type": "location",
                "slug": "lviv",
                "uri": "bs:place/lviv",
                "description": "",
                "rules": "{}",
                "case_sensitive": "",
                "is_active": "on",
                "labels-TOTAL_FORMS": "0",
                "labels-INITIAL_FORMS": "0",
                "labels-MIN_NUM_FORMS": "0",
                "labels-MAX_NUM_FORMS": "1000",
                "links-TOTAL_FORMS": "0",
                "links-INITIAL_FORMS": "0",
                "links-MIN_NUM_FORMS": "0",
                "links-MAX_NUM_FORMS": "1000",
            },
        )
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    assert Concept.objects.filter(uri="bs:place/lviv").exists()
    assert sent == [["bs:place/lviv"]]


@pytest.mark.django_db
def test_concepts_are_searchable_in_the_admin(client, django_user_model):
    Concept.objects.create(uri="bs:place/lviv", type="location", pref_label="Lviv", slug="lviv")
    Concept.objects.create(uri="bs:place/odesa", type="location", pref_label="Odesa", slug="odesa")
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    response = client.get("/admin/snippets/concepts/concept/", {"q": "lviv"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lviv" in html
    assert "Odesa" not in html


@pytest.mark.django_db
def test_a_related_link_given_in_one_direction_is_stable(tmp_path):
    rows = [*ROWS, "bs:place/porto,location,Porto,,,,bs:place/kyiv,,,,,"]
    run("import_vocabulary", str(vocabulary_file(tmp_path, rows)))
    porto = Concept.objects.get(uri="bs:place/porto")
    kyiv = Concept.objects.get(uri="bs:place/kyiv")
    assert list(kyiv.related.all()) == [porto]
    assert "0 concepts were created, 0 updated, 6 unchanged." in run(
        "import_vocabulary", str(vocabulary_file(tmp_path, rows))
    )
    assert list(porto.related.all()) == [kyiv]


@pytest.mark.django_db
def test_changing_only_links_rebuilds_the_engine(tmp_path):
    run("import_vocabulary", str(vocabulary_file(tmp_path)))
    first = current_annotator()
    moved = [*ROWS[:2], "bs:place/kyiv,location,Kyiv,Kiev,,bs:place/europe,,,,,,", *ROWS[3:]]
    with time_machine.travel(datetime.now(UTC) + timedelta(seconds=2)):
        assert "1 updated" in run("import_vocabulary", str(vocabulary_file(tmp_path, moved)))
    assert current_annotator() is not first
    assert build_vocabulary()["bs:place/kyiv"].broader == ("bs:place/europe",)
