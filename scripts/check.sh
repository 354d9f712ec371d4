#!/usr/bin/env bash
# Every check of the gate, in the order a reviewer would want them to fail.
# Run from anywhere; uses the `python` found first on PATH (the project's virtualenv).
set -euo pipefail
export NO_MKDOCS_2_WARNING=1  # mkdocs-material prints a banner otherwise
cd "$(dirname "$0")/.."

echo "== ruff check";        python -m ruff check .
echo "== ruff format";       python -m ruff format --check .
echo "== mypy --strict";     python -m mypy --strict src/
# Every public name, typed as users see it: any that is Any fails (tests/typing/public_names.py).
echo "== public names";      python -m mypy --strict tests/typing/public_names.py
echo "== mypy (example app)"; python -m mypy --strict examples/dukcapil-wa/src examples/dukcapil-wa/tests examples/dukcapil-wa/benchmarks
echo "== import layers";     lint-imports
# On every core (pytest-xdist), the long tests handed out as workers fall idle (worksteal);
# pytest-cov combines the workers' coverage before the threshold. Bytecode is cached even where
# PYTHONDONTWRITEBYTECODE is set: every worker and every subprocess a test starts would
# otherwise compile the package and rewrite each test module's asserts again.
echo "== pytest";            env -u PYTHONDONTWRITEBYTECODE python -m pytest -n auto --dist worksteal --cov --cov-branch --cov-report=term-missing:skip-covered --cov-fail-under=95
echo "== example app";       python -m pytest examples/dukcapil-wa
echo "== mkdocs --strict";   site_dir="$(mktemp -d)"; python -m mkdocs build --strict --site-dir "$site_dir"; rm -rf "$site_dir"
