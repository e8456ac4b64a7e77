#!/bin/sh
# Two `serve` nodes on one PostgreSQL database (Quartz's clustered job store, src/TriageBot.Core/Scheduling), against the
# sandbox serving the demo scenario. Part 1: both run for 70 s on a 20-second cron; each firing should run on one node
# only. Part 2, on a fresh database: the node that starts the first run is killed (kill -9) while it ingests; the other
# should log Quartz's recovery and run it to the end within twice Schedule:ClusterCheckin (2 s here).
# Usage (from the repository root; PostgreSQL's initdb/pg_ctl and psql installed): sh bench/cluster_failover.sh [DIR]
set -e
DIR=${1:-/tmp/tb-cluster}
rm -rf "$DIR"; mkdir -p "$DIR"
dotnet build src/TriageBot -c Release -v q -nologo >/dev/null
CLI="dotnet src/TriageBot/bin/Release/net10.0/triagebot.dll"
PG=$(sh bench/pg_throwaway.sh start "$DIR/pg" 55471)
$CLI sandbox --scenario scenarios/demo.json --port 55472 --write-config "$DIR/sandbox.json" > "$DIR/sandbox.log" 2>&1 &
SANDBOX=$!
trap 'kill $SANDBOX 2>/dev/null; for p in "$DIR"/*.pid; do [ -f "$p" ] && kill -9 "$(cat "$p")" 2>/dev/null; done; sh bench/pg_throwaway.sh stop "$DIR/pg"' EXIT
sleep 5
node() { # node NAME DATABASE: one `serve` in the background, its pid in DIR/NAME.pid
  TRIAGEBOT_Storage__Provider=Postgres TRIAGEBOT_Storage__ConnectionString="${PG%Database=*}Database=$2" \
  TRIAGEBOT_Schedule__Cron="0/20 * * * * ?" TRIAGEBOT_Schedule__ClusterCheckin=00:00:02 TRIAGEBOT_Schedule__OutDir="$DIR/out-$1" \
    $CLI serve --config "$DIR/sandbox.json" > "$DIR/$1.log" 2>&1 &
  echo $! > "$DIR/$1.pid"
}
sql() { psql "host=127.0.0.1 port=55471 user=triagebot dbname=$1" -tAc "$2"; }

echo "== part 1: two nodes, 70 s, a firing every 20 s"
node a postgres; node b postgres
sleep 70
kill "$(cat "$DIR/a.pid")" "$(cat "$DIR/b.pid")"; rm "$DIR/a.pid" "$DIR/b.pid"; sleep 3
for n in a b; do echo "node $n: $(grep -c 'Scheduled run' "$DIR/$n.log" || true) runs"; done
echo "runs in the database: $(sql postgres 'SELECT count(*) FROM runs')"
echo "nodes that checked in: $(sql postgres 'SELECT count(*) FROM qrtz_scheduler_state')"

echo "== part 2: the running node is killed while it ingests"
sql postgres 'CREATE DATABASE failover' >/dev/null
node c failover; node d failover
killed=""; i=0
while [ -z "$killed" ] && [ $i -lt 600 ]; do
  for n in c d; do
    if grep -q 'ingest: started' "$DIR/$n.log" 2>/dev/null && ! grep -q 'Scheduled run' "$DIR/$n.log"; then
      kill -9 "$(cat "$DIR/$n.pid")"; rm "$DIR/$n.pid"; killed=$n; echo "killed node $n at $(date +%T)"; break
    fi
  done
  i=$((i + 1)); sleep 0.1
done
[ -n "$killed" ] || { echo "no run started within 60 s"; exit 1; }
sleep 20
other=$([ "$killed" = c ] && echo d || echo c)
grep -h 'recover\|Scheduled run' "$DIR/$other.log" | cut -c1-160
