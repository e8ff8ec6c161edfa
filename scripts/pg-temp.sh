#!/usr/bin/env bash
# Sourced: starts a throw-away PostgreSQL cluster in a temporary directory on a free loopback
# port, exports YETA_REGISTRY_TEST_URL, and stops and removes it on exit. PostgreSQL refuses to
# run as root, so as root the cluster belongs to the `postgres` user (from Debian's package).
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PG_BIN" ] || { echo "no PostgreSQL: run scripts/setup.sh registry" >&2; return 1; }
PG_DIR=$(mktemp -d /tmp/yeta-pg.XXXXXX)
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
if [ "$(id -u)" = 0 ]; then chown postgres: "$PG_DIR"; as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi
pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; }
trap pg_stop EXIT
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U yeta -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
  || { cat "$PG_DIR/initdb.log" >&2; return 1; }
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" start >/dev/null \
  || { cat "$PG_DIR/server.log" >&2; return 1; }
export YETA_REGISTRY_TEST_URL="postgres://yeta@127.0.0.1:$PG_PORT/postgres"
