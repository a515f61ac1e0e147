import datetime

import factory
from django.utils import timezone

from operations.models import MaintenanceNotice


class MaintenanceNoticeFactory(factory.django.DjangoModelFactory):
    """An alert by default: it needs no advance notice, so tests of the banner need no clock tricks."""

    kind = MaintenanceNotice.Kind.ALERT
    message = "Hệ thống đang được bảo trì, một số chức năng có thể gián đoạn."
    starts_at = factory.LazyFunction(timezone.now)
    ends_at = factory.LazyAttribute(lambda notice: notice.starts_at + datetime.timedelta(days=1))

    class Meta:
        model = MaintenanceNotice
