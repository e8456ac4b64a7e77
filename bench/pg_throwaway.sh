#!/bin/sh
# A throwaway PostgreSQL server for benchmarks, as the tests start one (tests/TriageBot.Tests/Storage/PostgresServer.cs):
# the machine's newest initdb/pg_ctl, a cluster in DIR, loopback only, trust auth, fsync off.
# Usage: sh bench/pg_throwaway.sh start DIR PORT   (prints the connection string)
#        sh bench/pg_throwaway.sh stop DIR
# As root it runs the server as the postgres user, which PostgreSQL requires.
set -e
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$BIN/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
as() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$1" in
  start)
    mkdir -p "$2"; [ "$(id -u)" -eq 0 ] && chown postgres "$2"
    as "$BIN/initdb" -D "$2/data" -U triagebot -A trust -E UTF8 --locale=C --no-sync >/dev/null
    as "$BIN/pg_ctl" -D "$2/data" -l "$2/server.log" -w -o "-p $3 -k $2 -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    echo "Host=127.0.0.1;Port=$3;Username=triagebot;Database=postgres" ;;
  stop)
    as "$BIN/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null; rm -rf "$2" ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
