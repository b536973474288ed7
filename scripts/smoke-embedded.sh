#!/usr/bin/env bash
# Starts the production build on the embedded database (no DATABASE_URL) in a scratch copy of
# .data, checks that it answers and serves the sign-in page, then stops it and checks that the
# embedded PostgreSQL stopped too. Needs `next build` to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
unset DATABASE_URL
port=3210
log=$(mktemp)
PORT=$port npm start >"$log" 2>&1 &
pid=$!
cleanup() { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "smoke: the server exited"; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/api/health" | grep -q '"ok"' || { cat "$log"; echo "smoke: no health"; exit 1; }
curl -fsS -H 'Accept-Language: zh-CN' "http://127.0.0.1:$port/sign-in" | grep -q '登录' || { echo "smoke: no sign-in page"; exit 1; }
grep -q "Demo data created" "$log" || { cat "$log"; echo "smoke: demo data was not seeded"; exit 1; }
cleanup
trap - EXIT
sleep 2
if pgrep -f "$(pwd)/.data/postgres" >/dev/null; then echo "smoke: embedded PostgreSQL still running"; exit 1; fi
echo "smoke: ok (started, migrated, seeded, answered, stopped cleanly)"
