"""PostgreSQL primary with read replicas (docs/deployment.md): reads to a replica, the rest to the primary.

Active only when DATABASE_REPLICA_URLS is set (config/settings/base.py adds the aliases and this router).
"""

import random

from django.conf import settings
from django.db import connections

PRIMARY = "default"


class PrimaryReplicaRouter:
    """Writes, migrations and any read inside a transaction go to the primary.

    A read inside a transaction (an editor publishing, a citizen's form being saved) must see that
    transaction's own uncommitted rows, which only the primary has; a replica may also lag behind.
    """

    def db_for_read(self, model, **hints):
        replicas = settings.DATABASE_READ_REPLICAS
        if not replicas or connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return random.choice(replicas)

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        """Every alias holds the same data, so objects read from different ones may be related."""
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        """Replicas copy the primary's schema through replication, never through `migrate`."""
        return db == PRIMARY
