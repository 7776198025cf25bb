# The bot as a container: slim Python, non-root, knowledge baked in (mount a volume over
# /app/knowledge to edit it live) and its own data under /data.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    BOT_KNOWLEDGE_DIR=/app/knowledge \
    BOT_DATA_DIR=/data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
RUN pip install . \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin bot \
    && mkdir -p /data && chown bot:bot /data /app/knowledge

USER bot
VOLUME ["/data"]
# Validate the knowledge at build time: a broken file fails the build, not the deployment.
RUN python -m bot check
CMD ["python", "-m", "bot", "run"]
