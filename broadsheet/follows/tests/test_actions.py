from datetime import UTC, datetime

import pytest

from broadsheet.concepts.actions import merge_concepts
from broadsheet.content.tests.factories import ConceptFactory
from broadsheet.follows import actions
from broadsheet.follows.models import Delivery, FeedState, Follow, atom_token_digest
from broadsheet.follows.queries import reader_for_atom_token

from .factories import FollowFactory, ReaderFactory


def test_follow_twice_keeps_one_row_and_its_settings(reader, concept):
    first = actions.follow(reader, concept)
    actions.set_delivery(first, Delivery.INSTANT)
    again = actions.follow(reader, concept)
    assert again.pk == first.pk
    assert Follow.objects.filter(reader=reader, concept=concept).count() == 1
    assert Follow.objects.get(pk=first.pk).delivery == Delivery.INSTANT


def test_a_new_follow_sends_a_daily_digest_unless_the_reader_turned_new_follow_email_off(reader):
    assert actions.follow(reader, ConceptFactory()).delivery == Delivery.DAILY

    reader.email_new_follows = False
    reader.save(update_fields=["email_new_follows"])
    quiet = actions.follow(reader, ConceptFactory())

    assert quiet.delivery == Delivery.NONE
    assert Follow.objects.get(pk=quiet.pk).delivery == Delivery.NONE


def test_unfollow_says_whether_there_was_a_follow(reader, concept):
    actions.follow(reader, concept)
    assert actions.unfollow(reader, concept) is True
    assert actions.unfollow(reader, concept) is False
    assert not Follow.objects.filter(reader=reader).exists()


def test_following_a_merged_concept_follows_its_survivor(reader):
    old = ConceptFactory(pref_label="Barrage plan")
    survivor = ConceptFactory(pref_label="Estuary barrage")
    merge_concepts(old, into=survivor)
    old.refresh_from_db()
    following = actions.follow(reader, old)
    assert following.concept_id == survivor.pk


def test_a_retired_concept_cannot_be_followed(reader):
    retired = ConceptFactory(pref_label="Old quango", is_active=False)
    with pytest.raises(actions.NotFollowable):
        actions.follow(reader, retired)
    assert not Follow.objects.exists()


def test_set_delivery_refuses_an_unknown_choice(reader, concept):
    following = actions.follow(reader, concept)
    with pytest.raises(ValueError, match="hourly"):
        actions.set_delivery(following, "hourly")
    assert Follow.objects.get(pk=following.pk).delivery == Delivery.DAILY


def test_set_include_mentions(reader, concept):
    following = actions.follow(reader, concept)
    actions.set_include_mentions(following, True)
    assert Follow.objects.get(pk=following.pk).include_mentions is True


def test_merging_moves_follows_to_the_survivor_and_keeps_one_per_reader(db):
    old = ConceptFactory(pref_label="Barrage plan")
    survivor = ConceptFactory(pref_label="Estuary barrage")
    only_old = ReaderFactory(username="only-old")
    both = ReaderFactory(username="both")
    FollowFactory(reader=only_old, concept=old, delivery=Delivery.INSTANT, include_mentions=True)
    FollowFactory(reader=both, concept=old, delivery=Delivery.INSTANT)
    FollowFactory(reader=both, concept=survivor, delivery=Delivery.WEEKLY)

    merge_concepts(old, into=survivor)

    assert not Follow.objects.filter(concept=old).exists()
    moved = Follow.objects.get(reader=only_old)
    assert (moved.concept_id, moved.delivery, moved.include_mentions) == (
        survivor.pk,
        Delivery.INSTANT,
        True,
    )
    kept = Follow.objects.get(reader=both)
    assert (kept.concept_id, kept.delivery) == (survivor.pk, Delivery.WEEKLY)


def test_record_feed_visit_returns_the_visit_before(reader):
    first = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    second = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    assert actions.record_feed_visit(reader, now=first) is None
    assert actions.record_feed_visit(reader, now=second) == first
    state = FeedState.objects.get(reader=reader)
    assert (state.visited_at, state.previous_visit_at) == (second, first)


def test_a_new_atom_token_revokes_the_old_one_and_only_its_hash_is_stored(reader):
    old = actions.issue_atom_token(reader)
    new = actions.issue_atom_token(reader)
    assert old != new
    assert reader_for_atom_token(old) is None
    assert reader_for_atom_token(new) == reader
    assert FeedState.objects.get(reader=reader).atom_token_hash == atom_token_digest(new)
    actions.revoke_atom_token(reader)
    assert reader_for_atom_token(new) is None
    assert reader_for_atom_token("") is None
