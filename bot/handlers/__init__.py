"""Telegram handlers: thin adapters from updates to the core and back. Wiring is in ``bot.app``."""
