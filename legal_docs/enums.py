from django.db import models


class ValidityStatus(models.TextChoices):
    IN_FORCE = "in_force", "Còn hiệu lực"
    PARTLY_EXPIRED = "partly_expired", "Hết hiệu lực một phần"
    EXPIRED = "expired", "Hết hiệu lực toàn bộ"
    NOT_YET = "not_yet", "Chưa có hiệu lực"
    SUSPENDED = "suspended", "Ngưng hiệu lực"


class RelationKind(models.TextChoices):
    """How the document being edited relates to another one (read: "this document ... that one")."""

    BASIS = "basis", "Căn cứ"
    GUIDES = "guides", "Hướng dẫn"
    AMENDS = "amends", "Sửa đổi, bổ sung"
    REPLACES = "replaces", "Thay thế"
    REPEALS = "repeals", "Bãi bỏ"


# The same relation read from the other document's side.
INVERSE_LABELS = {
    RelationKind.BASIS: "Là căn cứ của",
    RelationKind.GUIDES: "Được hướng dẫn bởi",
    RelationKind.AMENDS: "Được sửa đổi, bổ sung bởi",
    RelationKind.REPLACES: "Bị thay thế bởi",
    RelationKind.REPEALS: "Bị bãi bỏ bởi",
}

# Relations that end (part of) the other document's validity once the newer one takes effect.
ENDING_KINDS = {RelationKind.REPLACES, RelationKind.REPEALS}
