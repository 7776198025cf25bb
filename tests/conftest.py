"""Shared fixtures: a loopback Bot API emulator and a guard that fails tests on telegram errors."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from botapi_emulator import BotApiEmulator


class _ErrorRecords(logging.Handler):
    """Collects records of level ERROR and above."""

    def __init__(self) -> None:
        """Only keep ERROR and above."""
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Remember the record."""
        self.records.append(record)


@pytest.fixture
def botapi() -> Iterator[BotApiEmulator]:
    """Run a fresh Bot API emulator on 127.0.0.1 for one test."""
    with BotApiEmulator() as emulator:
        yield emulator


@pytest.fixture(autouse=True)
def _fail_on_telegram_errors() -> Iterator[None]:
    """Fail the test if a "telegram" or "telegram.*" logger logged at ERROR or above (setup to teardown)."""
    handler = _ErrorRecords()
    logger = logging.getLogger("telegram")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    if handler.records:
        formatter = logging.Formatter("%(levelname)s %(name)s: %(message)s")
        details = "\n".join(formatter.format(record) for record in handler.records)
        pytest.fail(f"python-telegram-bot logged errors:\n{details}", pytrace=False)
