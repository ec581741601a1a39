# fanarchive web and worker image (see docs/deploy.md). Not built on the development machines.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    FANARCHIVE_VAR_DIR=/srv/fanarchive/var STATIC_ROOT=/srv/fanarchive/static
WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir '.[archive]' \
    && useradd --create-home fanarchive \
    && mkdir -p /srv/fanarchive/var /srv/fanarchive/static \
    && chown -R fanarchive /srv/fanarchive
USER fanarchive
EXPOSE 8000
CMD ["gunicorn", "fanarchive.site.wsgi:application", "--bind", "0.0.0.0:8000", \
     "--workers", "4", "--threads", "2", "--timeout", "60"]
