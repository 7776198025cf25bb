"""Settings, read once from the environment (prefix ``BOT_``) and passed down; no other module reads it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

BUNDLED_KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
TELEGRAM_API = "https://api.telegram.org/bot"
TELEGRAM_FILES = "https://api.telegram.org/file/bot"


class SettingsError(Exception):
    """A setting is missing or malformed; the message names it and says what to do."""


class Settings(BaseSettings):
    """Everything the bot can be configured with; the README's settings table documents each."""

    model_config = SettingsConfigDict(env_prefix="BOT_", extra="ignore", frozen=True)

    token: SecretStr | None = None
    api_base_url: str = TELEGRAM_API
    api_file_url: str = TELEGRAM_FILES
    knowledge_dir: Path = BUNDLED_KNOWLEDGE
    admin_ids: Annotated[tuple[int, ...], NoDecode] = ()
    data_dir: Path = Path("data")
    retention_days: int = Field(default=90, ge=1, description="Days the question log keeps a row.")
    reload_seconds: float = Field(default=2.0, gt=0, description="How often knowledge files are checked for changes.")
    max_upload_bytes: int = Field(
        default=1_000_000, ge=1_000, description="Largest knowledge file an admin may upload."
    )
    user_questions: int = Field(default=10, ge=1, description="Questions one user may ask per window.")
    user_window_seconds: float = Field(default=60.0, gt=0, description="The per-user question window.")
    send_rate_per_second: float = Field(default=30.0, gt=0, description="Messages per second overall.")
    group_rate_per_minute: float = Field(default=20.0, gt=0, description="Messages per minute in one group.")
    concurrent_updates: int = Field(default=8, ge=1, description="Updates handled at the same time.")
    send_retries: int = Field(default=5, ge=0, description="Retries of a send after a Bot API fault or 429.")
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @field_validator("api_base_url", "api_file_url", "webhook_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _telegram_secret(cls, value: SecretStr | None) -> SecretStr | None:
        # Telegram accepts 1-256 characters of A-Z, a-z, 0-9, _ and - for the secret token header.
        secret = None if value is None else value.get_secret_value()
        if secret is not None and not (
            0 < len(secret) <= 256 and all(c.isascii() and (c.isalnum() or c in "_-") for c in secret)
        ):
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError("BOT_WEBHOOK_SECRET is required when BOT_WEBHOOK_URL is set")
        return self

    @property
    def history_dir(self) -> Path:
        """Where replaced knowledge files are kept, newest last."""
        return self.data_dir / "history"

    @property
    def database(self) -> Path:
        """The SQLite usage log."""
        return self.data_dir / "usage.sqlite3"

    def is_admin(self, user_id: int | None) -> bool:
        """True for the users listed in BOT_ADMIN_IDS."""
        return user_id is not None and user_id in self.admin_ids


def load_settings() -> Settings:
    """Read the environment once; a bad value raises ``SettingsError`` naming the variable."""
    try:
        return Settings()
    except ValidationError as error:
        first = error.errors(include_url=False, include_input=False)[0]
        name = "BOT_" + "_".join(str(part) for part in first["loc"] if isinstance(part, str)).upper()
        message = str(first["msg"]).removeprefix("Value error, ")
        if name == "BOT_":
            raise SettingsError(message) from None
        raise SettingsError(f"{name}: {message}") from None


def require_token(settings: Settings) -> str:
    """The bot token, or ``SettingsError`` saying how to set it."""
    if settings.token is None or not settings.token.get_secret_value().strip():
        raise SettingsError("BOT_TOKEN: required to run the bot; get one from @BotFather")
    return settings.token.get_secret_value().strip()
