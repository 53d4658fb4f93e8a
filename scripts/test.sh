#!/usr/bin/env bash
# Runs the whole test suite: starts a throwaway PostgreSQL server on loopback for the store tests,
# lints (ruff) and type-checks (mypy, strict on the core: pyproject.toml), rebuilds the compiled hot
# paths if their sources changed, then pytest on both cores. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n1)")"
PG_DIR="$(mktemp -d /tmp/watchfloor-pg.XXXXXX)"
PG_PORT="${WATCHFLOOR_TEST_PG_PORT:-54329}"
RUN_AS=()
if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DIR"; RUN_AS=(runuser -u postgres --); fi
cleanup() { "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; }
trap cleanup EXIT
"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U watchfloor --auth=trust >/dev/null
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" -l "$PG_DIR/log" -w start >/dev/null
export WATCHFLOOR_TEST_PG_URL="postgresql://watchfloor@127.0.0.1:$PG_PORT/postgres"

.venv/bin/ruff check src tests benchmarks || { echo "ruff found problems"; exit 1; }
.venv/bin/mypy || { echo "mypy found type errors (pyproject.toml, [tool.mypy])"; exit 1; }
# the compiled hot paths must be built and current: rebuild any whose .pyx changed since install,
# and fail (tests/test_compiled_core.py) rather than quietly test the Python fallback
.venv/bin/python setup.py -q build_ext --inplace >/dev/null
export WATCHFLOOR_REQUIRE_COMPILED=1
.venv/bin/python -m pytest -n 2 -p no:cacheprovider "$@"
