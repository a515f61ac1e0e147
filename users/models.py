from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import cached_property


class User(AbstractUser):
    """A personal account (docs/requirements.md, Accounts): board members carry their position, unit and
    phone."""

    position = models.CharField("chức vụ", max_length=255, blank=True)
    unit = models.CharField("đơn vị công tác", max_length=255, blank=True)
    phone = models.CharField("điện thoại", max_length=50, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"

    def get_full_name(self):
        """Vietnamese order: family and middle name (last_name) before the given name."""
        return " ".join(part for part in (self.last_name, self.first_name) if part).strip()

    def __str__(self):
        """The name, and where another account bears the same one, the position (else the username), so that
        choosers, lists and reports tell them apart."""
        name = self.get_full_name() or self.username
        namesakes = self.namesakes
        if not namesakes:
            return name
        if self.position and self.position not in namesakes:
            return f"{name} ({self.position})"
        return f"{name} ({self.username})"

    @cached_property
    def namesakes(self):
        """Positions of the other accounts with the same full name (none when the name is unique)."""
        if not (self.first_name or self.last_name):
            return []
        others = User.objects.filter(first_name=self.first_name, last_name=self.last_name).exclude(pk=self.pk)
        return list(others.values_list("position", flat=True))
