"""Fixtures for the security tests: a signed-in superuser, a signed-in reader without admin access."""

from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage


@pytest.fixture
def reader(django_user_model):
    """Return an active user with no staff flag and no Wagtail admin permission."""
    return django_user_model.objects.create_user(
        username="reader", email="reader@example.org", password="reader-password-73"
    )


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


def tiny_image_file(name: str = "tiny.png") -> ImageFile:
    """Return a 4 x 4 PNG: enough for renditions, cheap to resize hundreds of times."""
    buffer = BytesIO()
    PILImage.new("RGB", (4, 4), (120, 30, 30)).save(buffer, "PNG")
    buffer.seek(0)
    return ImageFile(buffer, name=name)
