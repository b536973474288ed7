#!/usr/bin/env bash
# Starts the production build on the embedded database (no DATABASE_URL) in a scratch data
# directory (a developer's .data is not touched), checks that it answers and serves the sign-in page, then stops it and checks that the
# embedded PostgreSQL stopped too. Needs `next build` to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
unset DATABASE_URL
port=3210
log=$(mktemp)
data=$(mktemp -d)
chmod 755 "$data"
export PD_DATA_DIR="$data/data"
# Its own session, stopped as a whole like Ctrl-C or a service manager would: npm does not pass
# a signal sent to it alone on to the server.
PORT=$port setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() { kill -TERM -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
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
for _ in $(seq 1 20); do pgrep -f "$PD_DATA_DIR/postgres" >/dev/null || break; sleep 1; done
if pgrep -f "$PD_DATA_DIR/postgres" >/dev/null; then echo "smoke: embedded PostgreSQL still running"; exit 1; fi
rm -rf "$data"
echo "smoke: ok (started, migrated, seeded, answered, stopped cleanly)"
