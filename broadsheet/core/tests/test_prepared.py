"""PreparedQuery: the same instances as the queryset it was built from, compiled once."""

import pytest
from django.contrib.auth.models import Group, Permission

from broadsheet.core.prepared import PreparedByIds, PreparedQuery, int_slot, slot

pytestmark = pytest.mark.django_db


def test_rows_become_the_instances_the_queryset_gives():
    permissions = PreparedQuery(
        lambda: Permission.objects.filter(codename=slot("codename")).select_related("content_type"),
        slots=["codename"],
    )
    expected = list(Permission.objects.filter(codename="add_group").select_related("content_type"))
    found = permissions.all(codename="add_group")
    assert [(p.pk, p.name, p.content_type.model) for p in found] == [
        (p.pk, p.name, p.content_type.model) for p in expected
    ]
    assert permissions.all(codename="no such codename") == []


def test_integer_slots_and_annotations(django_assert_num_queries):
    from django.db.models import Count

    group = Group.objects.create(name="Desk")
    group.permissions.add(*Permission.objects.all()[:3])
    groups = PreparedQuery(
        lambda: Group.objects.filter(pk=int_slot("pk")).annotate(granted=Count("permissions")),
        slots=["pk"],
    )
    groups.all(pk=group.pk)
    with django_assert_num_queries(1):
        (found,) = groups.all(pk=group.pk)
    assert (found.name, found.granted) == ("Desk", 3)


def test_a_slot_missing_from_the_query_is_refused():
    query = PreparedQuery(lambda: Group.objects.filter(name="Desk"), slots=["name"])
    with pytest.raises(ValueError, match="'name'"):
        query.all(name="Desk")


def test_every_slot_must_be_given():
    query = PreparedQuery(lambda: Group.objects.filter(name=slot("name")), slots=["name"])
    with pytest.raises(TypeError):
        query.all()


def test_rows_by_ids_for_any_number_of_ids(django_assert_num_queries):
    groups = [Group.objects.create(name=f"Desk {n}") for n in range(4)]
    by_ids = PreparedByIds(lambda: Group.objects.all(), max_prepared=2)
    for wanted in ([groups[0].pk], [groups[1].pk, groups[0].pk], [g.pk for g in groups]):
        with django_assert_num_queries(1):
            found = by_ids.all([*wanted, wanted[0]])
        assert sorted(g.pk for g in found) == sorted(wanted)
    assert by_ids.all([]) == []
    assert by_ids.all([-5]) == []


def test_values_list_rows_are_tuples_without_instances(django_assert_num_queries):
    groups = [Group.objects.create(name=f"Bureau {n}") for n in range(3)]
    by_ids = PreparedByIds(lambda: Group.objects.values_list("id", "name"), max_prepared=2)
    for wanted in ([groups[0].pk], [groups[2].pk, groups[1].pk], [g.pk for g in groups]):
        with django_assert_num_queries(1):
            found = by_ids.rows([*wanted, wanted[0]])
        assert sorted(found) == sorted((g.pk, g.name) for g in groups if g.pk in wanted)
    assert by_ids.rows([]) == []
    names = PreparedQuery(
        lambda: Group.objects.filter(name=slot("name")).values_list("name", "id"), slots=["name"]
    )
    assert names.rows(name="Bureau 1") == [("Bureau 1", groups[1].pk)]
    with pytest.raises(TypeError, match=r"rows\(\)"):
        names.all(name="Bureau 1")
