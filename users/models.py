from django.contrib.auth.models import AbstractUser
from django.db import models


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
        return self.get_full_name() or self.username
