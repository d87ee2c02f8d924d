#!/usr/bin/env bash
# Serve the demo: the web server and the task worker in one command; Ctrl-C stops both.
set -euo pipefail
port="${1:-8000}"
bin="$(dirname "$0")/../.venv/bin"
# The default cache (files under var/cache, shared by the server and the worker) may hold pages
# of an earlier demo database: start it empty.
if [ -z "${CACHE_URL:-}" ]; then rm -rf "$(dirname "$0")/../var/cache"; fi
"$bin/python" manage.py db_worker --interval 1 &
worker=$!
# Digests are due at each reader's hour: look every 15 minutes (production uses cron, docs/alerts.md).
( while true; do "$bin/python" manage.py send_digests >/dev/null; sleep 900; done ) &
digests=$!
trap 'kill $worker $digests 2>/dev/null || true' EXIT INT TERM
cat <<MSG

  Broadsheet demo publication: http://127.0.0.1:${port}/
  Newsroom admin:              http://127.0.0.1:${port}/admin/
  Demo admin login:            user "editor", password "broadsheet-demo"

  The task worker (alerts, annotation) and the digest check run beside the web server;
  emails are printed to this console. Press Ctrl-C to stop them all.

MSG
"$bin/python" manage.py runserver "127.0.0.1:${port}" --noreload
