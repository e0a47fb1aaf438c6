# The tiesgraph API. Neo4j runs in its own container (see docker-compose.yml) reached through NEO4J_URI.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph_schema ./graph_schema
COPY loaders ./loaders
COPY service ./service
RUN pip install .
COPY data ./data

RUN useradd --create-home --uid 10001 tiesgraph
USER tiesgraph

EXPOSE 8000
CMD ["tiesgraph", "serve", "--host", "0.0.0.0"]
