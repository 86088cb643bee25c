#!/bin/bash
# Throwaway PostgreSQL 15 on 127.0.0.1:25432 with the audit schema (V1..V6), 2,000,000 synthetic records, then EXPLAIN
# ANALYZE of search pages before and after V7 (docs/benchmarks.md, "Audit search pages").
# Usage: search-pages-bench.sh [migrations dir, default: this module's db/audit/postgresql]; run as root (initdb runs as postgres).
# Stop it afterwards: su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D /tmp/audit-search-pg/data stop"
set -euo pipefail
MIG=${1:-$(cd "$(dirname "$0")/../../main/resources/db/audit/postgresql" && pwd)}; BIN=/usr/lib/postgresql/15/bin; DIR=/tmp/audit-search-pg; PORT=25432
[ -f $DIR/data/postmaster.pid ] && su postgres -c "$BIN/pg_ctl -D $DIR/data stop -m fast" || true
rm -rf $DIR; mkdir -p $DIR; chown postgres $DIR
su postgres -c "$BIN/initdb -D $DIR/data -U postgres --auth=trust >/dev/null"
su postgres -c "$BIN/pg_ctl -D $DIR/data -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1' -l $DIR/log start >/dev/null"
PSQL="psql -h 127.0.0.1 -p $PORT -U postgres -v ON_ERROR_STOP=1 -q"
$PSQL -c "CREATE DATABASE audit"
for v in V1 V2 V3 V4 V5 V6; do $PSQL -d audit -f $MIG/${v}__*.sql; done
$PSQL -d audit <<'SQL'
-- 2,000,000 records: 70 % recommendations (200,000 patients, 500 users), 20 % decisions, 10 % governance; one record
-- every 2 s from 2026-01-01 (recorded time grows with the sequence number, as on one server); a model version per
-- 200,000 records; about 1.1 KB of JSON per row.
INSERT INTO audit_record (id, sequence_number, previous_hash, hash, seal, recorded_at_epoch_micros, kind, actor_name,
    actor_roles, patient_pseudonym, task_id, model_version, model_sha256, inputs_json, outputs_json, request_id,
    decides_record_id, decision, action, subject)
SELECT s, s, md5(s::text) || md5((s - 1)::text), md5(s::text) || md5(s::text), md5((-s)::text) || md5(s::text),
    1767225600000000 + s::bigint * 2000000,
    CASE WHEN s % 10 < 7 THEN 'RECOMMENDATION' WHEN s % 10 < 9 THEN 'DECISION' ELSE 'GOVERNANCE' END,
    'user' || (s % 500), 'clinician',
    CASE WHEN s % 10 < 9 THEN md5((s % 200000)::text) || md5((s % 200000)::text) END,
    CASE WHEN s % 10 < 9 THEN 'colon-recurrence-5y' END,
    CASE WHEN s % 10 < 9 THEN 'colon-recurrence-5y/' || (s / 200000) END,
    CASE WHEN s % 10 < 9 THEN md5('m') || md5('m') END,
    '{"features":' || repeat('{"age":61,"nodes":4},', 24) || '{}}', '{"options":' || repeat('[0.52,0.44,0.35],', 12) || '[]}',
    md5(s::text),
    CASE WHEN s % 10 = 7 THEN s - 1 WHEN s % 10 = 8 THEN s - 3 END,
    CASE WHEN s % 10 = 7 THEN 'ACCEPTED' WHEN s % 10 = 8 THEN 'OVERRIDDEN' END,
    CASE WHEN s % 10 = 9 THEN 'LOGIN' END, CASE WHEN s % 10 = 9 THEN 'user x' END
FROM generate_series(1, 2000000) s;
UPDATE audit_chain_head SET sequence_number = 2000000, hash = md5('2000000') || md5('2000000');
ANALYZE audit_record;
SQL
echo "rows: $($PSQL -d audit -At -c 'SELECT count(*) FROM audit_record')"

PSQL="psql -h 127.0.0.1 -p $PORT -U postgres -d audit -At"
T() { echo $((1767225600000000 + $1 * 2000000)); }
run() { # label, query: the third of three EXPLAIN ANALYZE runs
  echo "== $1"
  for i in 1 2 3; do $PSQL -c "EXPLAIN (ANALYZE, BUFFERS) $2" > $DIR/explain.out; done
  grep -E "Index Scan|Seq Scan|Bitmap|Sort|Execution Time|Rows Removed" $DIR/explain.out | head -5 || true
}
pages() {
  W="recorded_at_epoch_micros >= $(T 1150000) AND recorded_at_epoch_micros < $(T 1200000)"
  CT=$(T 1500000)
  for crit in "1 = 1" "task_id = 'colon-recurrence-5y'" "kind = 'RECOMMENDATION'" "model_version = 'colon-recurrence-5y/5'"; do
    run "sequence order (before): [$crit] in a window 300,000 records behind the cursor (1,500,000)" \
      "SELECT * FROM audit_record WHERE sequence_number < 1500000 AND $W AND $crit ORDER BY sequence_number DESC LIMIT 51"
    run "sequence order (before): [$crit] in that window, first page" \
      "SELECT * FROM audit_record WHERE $W AND $crit ORDER BY sequence_number DESC LIMIT 51"
    run "time order (after): [$crit] in that window, cursor 1,500,000" \
      "SELECT * FROM audit_record WHERE recorded_at_epoch_micros <= $CT AND (recorded_at_epoch_micros < $CT OR sequence_number < 1500000) AND $W AND $crit ORDER BY recorded_at_epoch_micros DESC, sequence_number DESC LIMIT 51"
    run "time order (after): [$crit] in that window, first page" \
      "SELECT * FROM audit_record WHERE $W AND $crit ORDER BY recorded_at_epoch_micros DESC, sequence_number DESC LIMIT 51"
  done
  run "one user in a window of 50,000 records 1,000,000 back, time order, first page" \
    "SELECT * FROM audit_record WHERE recorded_at_epoch_micros >= $(T 950000) AND recorded_at_epoch_micros < $(T 1000000) AND actor_name = 'user7' ORDER BY recorded_at_epoch_micros DESC, sequence_number DESC LIMIT 51"
  run "no time range: newest records, cursor at 1,000,000" \
    "SELECT * FROM audit_record WHERE sequence_number < 1000000 ORDER BY sequence_number DESC LIMIT 51"
}
echo "##### V1-V6"; pages
psql -h 127.0.0.1 -p $PORT -U postgres -d audit -v ON_ERROR_STOP=1 -q -f $MIG/V7__*.sql -c "ANALYZE audit_record"
echo "##### with V7"; pages
