import pytest

from broadsheet.content.tests.factories import ConceptFactory

from .factories import ReaderFactory


@pytest.fixture
def reader(db):
    return ReaderFactory(username="ines")


@pytest.fixture
def concept(db):
    return ConceptFactory(pref_label="Estuary barrage", type="story")


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client
