"""The pure core: knowledge model, loading, matching and rendering. Never imports ``telegram``."""
