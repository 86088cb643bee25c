#!/usr/bin/env bash
# Issue 4's throughput run (docs/benchmarks.md): audited recommendations per second through the REST API on
# PostgreSQL, against pgbench's single-row INSERT transactions with the same number of clients on the same database,
# in the same run; p50 and p99 latency of both. Everything on 127.0.0.1: PostgreSQL 19432, portal 19080, Keycloak 19180.
#
# Usage: deploy/load-run.sh [CLIENTS (8)] [SECONDS (30)] [WARM_UP_SECONDS (120)]
# The warm-up is not counted: Payara's JIT compiler needs tens of thousands of requests before throughput settles.
# Needs: a build (mvn -B -q -DskipTests install, then mvn -B -q -pl deploy -DskipTests package) and Debian's
# postgresql-15 (its pgbench). Leaves its files in deploy/target/load-run/ (logs, pgbench latency logs).
set -euo pipefail

readonly DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly RUN_DIR="$DEPLOY_DIR/target/load-run"
readonly PG_BIN="${ONCOCDS_PG_BIN:-/usr/lib/postgresql/15/bin}"
readonly PG_PORT=19432 PORTAL_PORT=19080 KEYCLOAK_PORT=19180
readonly CLIENTS="${1:-8}" SECONDS_PER_RUN="${2:-30}" WARM_UP_SECONDS="${3:-120}"

start_pid=""

cleanup() {
  if [[ -n "$start_pid" ]] && kill -0 "$start_pid" 2>/dev/null; then
    kill -TERM "$start_pid"
    wait "$start_pid" || true
  fi
  "$DEPLOY_DIR/local-postgresql.sh" stop "$RUN_DIR/postgresql" || true
}

[[ "$CLIENTS" =~ ^[1-9][0-9]*$ && "$SECONDS_PER_RUN" =~ ^[1-9][0-9]*$ && "$WARM_UP_SECONDS" =~ ^[1-9][0-9]*$ ]] ||
  { echo "usage: deploy/load-run.sh [CLIENTS] [SECONDS] [WARM_UP_SECONDS]" >&2; exit 2; }
[[ -d "$DEPLOY_DIR/target/test-classes/org/oncocds/deploy/load" && -f "$DEPLOY_DIR/target/dist/oncocds.war" ]] ||
  { echo "load-run.sh: build first: mvn -B -q -DskipTests install && mvn -B -q -pl deploy -DskipTests package" >&2; exit 5; }

rm -rf "$RUN_DIR"
mkdir -p "$RUN_DIR"
trap cleanup EXIT

"$DEPLOY_DIR/local-postgresql.sh" start "$RUN_DIR/postgresql" "$PG_PORT"
"$DEPLOY_DIR/start.sh" --skip-build --port "$PORTAL_PORT" --keycloak-port "$KEYCLOAK_PORT" \
  --data-dir "$RUN_DIR/data" --db-properties "$RUN_DIR/postgresql/oncocds-db.properties" \
  >"$RUN_DIR/start.out" 2>&1 &
start_pid=$!
deadline=$((SECONDS + 900))
until grep -q '^OncoCDS is ready at ' "$RUN_DIR/start.out"; do
  kill -0 "$start_pid" 2>/dev/null || { cat "$RUN_DIR/start.out" >&2; exit 4; }
  ((SECONDS < deadline)) || { echo "load-run.sh: the system did not get ready in 15 minutes" >&2; exit 4; }
  sleep 2
done
grep -E '^(Demo models|Keycloak is up|The portal is up)' "$RUN_DIR/start.out" || true

echo "== API: $CLIENTS clients, at most $SECONDS_PER_RUN s (after a warm-up of at most $WARM_UP_SECONDS s)"
java -cp "$DEPLOY_DIR/target/test-classes:$DEPLOY_DIR/target/classes:$DEPLOY_DIR/target/dist/tools/*" \
  org.oncocds.deploy.load.LoadRun "http://127.0.0.1:$PORTAL_PORT" \
  "http://127.0.0.1:$KEYCLOAK_PORT/realms/oncology" "$RUN_DIR/data/secrets.properties" \
  "$CLIENTS" 1000000 "$SECONDS_PER_RUN" "$WARM_UP_SECONDS"

# pgbench on the same database and server, same number of clients: one single-row INSERT per transaction into a table
# with an identity key, a timestamp and a payload the size of an average audit record.
owner_password="$(sed -n 's/^oncocds.db.owner-password=//p' "$RUN_DIR/postgresql/owner.properties")"
export PGPASSWORD="$owner_password"
psql_owner() {
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U oncocds_owner -d oncocds "$@"
}
record_bytes="$(psql_owner -At -c "SELECT coalesce(round(avg(pg_column_size(r.*))), 1000) FROM audit_record r WHERE kind = 'RECOMMENDATION'" 2>/dev/null || echo 1000)"
psql_owner -c "CREATE TABLE bench_insert (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)"
echo "INSERT INTO bench_insert (payload) VALUES (repeat('x', $record_bytes));" >"$RUN_DIR/insert.sql"
echo "== pgbench: $CLIENTS clients, $SECONDS_PER_RUN s, single-row INSERT of $record_bytes bytes per transaction"
(cd "$RUN_DIR" && "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$PG_PORT" -U oncocds_owner -c "$CLIENTS" -j 2 \
  -T "$SECONDS_PER_RUN" -f insert.sql -l --log-prefix=pgbench oncocds) | grep -E 'latency average|tps|number of transactions actually'
# Per-transaction latencies (microseconds, third column of pgbench's log): nearest-rank p50 and p99.
cat "$RUN_DIR"/pgbench.* | awk '{ print $3 }' | sort -n | awk '
  { latency[NR] = $1 }
  END {
    p50 = latency[int(0.50 * NR + 0.999999)]; p99 = latency[int(0.99 * NR + 0.999999)]
    printf "pgbench latency: p50 %.2f ms, p99 %.2f ms (%d transactions)\n", p50 / 1000, p99 / 1000, NR
  }'
psql_owner -c "DROP TABLE bench_insert"
echo "== audit records in the database: $(psql_owner -At -c 'SELECT count(*) FROM audit_record')"
