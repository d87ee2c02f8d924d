import pytest


@pytest.fixture
def other_section(home):
    from broadsheet.content.models import SectionPage

    return home.add_child(instance=SectionPage(title="Business", slug="business"))
