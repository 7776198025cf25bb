"""A Telegram bot that answers questions about a news article from a curated, verifiable knowledge base."""

__version__ = "0.1.0"
