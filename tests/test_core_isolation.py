"""The core is pure: importing it never loads python-telegram-bot."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CORE_IMPORTS = "import bot.core, bot.core.matcher, bot.core.loader, bot.core.render"

PROBE = """\
import json, sys
{imports}
print(json.dumps(sorted(name for name in sys.modules if name == "telegram" or name.startswith("telegram."))))
"""


def telegram_modules_after(imports: str) -> list[str]:
    """The telegram modules a fresh interpreter has loaded after running ``imports``."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(imports=imports)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    modules: list[str] = json.loads(result.stdout)
    return modules


def test_importing_the_core_never_loads_telegram() -> None:
    assert telegram_modules_after(CORE_IMPORTS) == []


@pytest.mark.parametrize("imports", ["import telegram", "import telegram.ext"])
def test_the_probe_does_see_telegram_when_it_is_imported(imports: str) -> None:
    """Guards the test above against passing vacuously."""
    assert "telegram" in telegram_modules_after(imports)
