"""Settings, read once from the environment (prefix ``BOT_``) and passed down; no other module reads it."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

BUNDLED_KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


class Settings(BaseSettings):
    """Everything the bot can be configured with; see the README's settings table."""

    model_config = SettingsConfigDict(env_prefix="BOT_", extra="ignore", frozen=True)

    knowledge_dir: Path = Field(default=BUNDLED_KNOWLEDGE, description="Directory of the knowledge files.")
