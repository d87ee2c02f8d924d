#!/usr/bin/env bash
# Serve the demo: the web server and the task worker in one command; Ctrl-C stops both.
set -euo pipefail
port="${1:-8000}"
bin="$(dirname "$0")/../.venv/bin"
"$bin/python" manage.py db_worker --interval 1 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
cat <<MSG

  Broadsheet demo publication: http://127.0.0.1:${port}/
  Newsroom admin:              http://127.0.0.1:${port}/admin/
  Demo admin login:            user "editor", password "broadsheet-demo"

  The task worker runs beside the web server. Press Ctrl-C to stop both.

MSG
"$bin/python" manage.py runserver "127.0.0.1:${port}" --noreload
