from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A person who signs in: staff in the newsroom now, readers later."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
