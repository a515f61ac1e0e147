"""One JSON object per log line, so that a log collector can index fields without parsing prose.

Standard library only: logging configuration is loaded before Django apps, and a formatter that failed to
import would silence every log line.
"""

import datetime
import json
import logging

# Attributes every LogRecord carries; anything else on a record came from `extra=` and is worth keeping.
RECORD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    """time (UTC, ISO 8601), level, logger, message, the fields passed with `extra=`, and the traceback."""

    def format(self, record):
        payload = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        payload.update({key: value for key, value in vars(record).items() if key not in RECORD_ATTRIBUTES})
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            payload["stack"] = self.formatStack(record.stack_info)
        return json.dumps(payload, ensure_ascii=False, default=str)
