"""Logging for ``run``: one format, quiet HTTP client, and the bot token redacted from every record."""

from __future__ import annotations

import logging
import re

REDACTED = "<token>"


class RedactSecrets(logging.Filter):
    """Replaces secrets in a record's message and arguments, wherever they were interpolated from."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        # Case-insensitive: libraries lower-case error texts that may echo a request path with the token.
        self._patterns = [re.compile(re.escape(s), re.IGNORECASE) for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record with every secret replaced; never drops it."""
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        for pattern in self._patterns:
            message = pattern.sub(REDACTED, message)
            if record.exc_text:
                record.exc_text = pattern.sub(REDACTED, record.exc_text)
        record.msg, record.args = message, None
        return True


def configure_logging(*, secrets: list[str], level: int = logging.INFO) -> None:
    """Log to stderr with the secrets redacted; httpx's per-request lines (URLs hold the token) muted."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
