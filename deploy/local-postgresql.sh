#!/usr/bin/env bash
# A throwaway PostgreSQL 15 on 127.0.0.1 for OncoCDS load and crash runs, prepared the way docs/audit-trail.md tells
# an administrator to: an owner role that owns the schema, an application role that may only read and append audit
# records, and the audit module's scripts (taken from the audit jar inside the built WAR).
#
# Usage: deploy/local-postgresql.sh start DIR [PORT]   initdb in DIR (if empty), start on PORT (19432), prepare the
#                                                       database; writes DIR/oncocds-db.properties for
#                                                       start.sh --db-properties
#        deploy/local-postgresql.sh stop DIR           fast shutdown
# Needs Debian's postgresql-15 server binaries (ONCOCDS_PG_BIN, default /usr/lib/postgresql/15/bin). As root the
# server runs as the OS user postgres (PostgreSQL refuses to run as root).
#
# Every module that ships migrations (audit, fairness, prediction: a *SchemaMigration runner and
# db/<module>/postgresql/app-role-grants.sql in its jar) has them applied by the owner, then its grants given to the
# application role: the tables stay the owner's, so the application role cannot UPDATE, DELETE or TRUNCATE audit
# records or stored reports. Only when a module jar has no migrations (an older build) may the application role create
# tables in the schema public (EclipseLink makes that module's tables then).
set -euo pipefail

readonly DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly WAR="$DEPLOY_DIR/target/dist/oncocds.war"
readonly PG_BIN="${ONCOCDS_PG_BIN:-/usr/lib/postgresql/15/bin}"

fail() {
  printf 'local-postgresql.sh: %s\n' "$*" >&2
  exit 1
}

as_postgres() {
  if ((EUID == 0)); then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# As root the server runs as the OS user postgres, which must be able to reach DIR. A checkout inside a private
# directory (mktemp -d makes them 0700) would stop initdb with "Permission denied", so each ancestor of DIR without
# search permission for other users gets it (o+x: enter, not list), and the script says so.
let_postgres_reach() {
  local path=$1
  while [[ "$path" != / ]]; do
    path="$(dirname "$path")"
    if [[ -z "$(find "$path" -maxdepth 0 -perm -o+x)" ]]; then
      chmod o+x "$path"
      printf 'local-postgresql.sh: gave other users search permission (o+x) on %s so that the user postgres can reach %s\n' \
        "$path" "$1" >&2
    fi
  done
}

random_hex() {
  od -An -N24 -tx1 /dev/urandom | tr -d ' \n'
}

sql() {
  local user=$1 database=$2
  shift 2
  as_postgres "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U "$user" -d "$database" "$@"
}

start() {
  [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] ||
    fail "no PostgreSQL server binaries in $PG_BIN; install the Debian package postgresql-15 (deploy/test.sh does)"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  if ((EUID == 0)); then
    chown postgres:postgres "$dir"
    let_postgres_reach "$dir"
  fi
  local fresh=false
  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    fresh=true
    as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 \
      --no-locale >"$dir/initdb.log" 2>&1 || fail "initdb failed; see $dir/initdb.log"
  fi
  # The socket lives in DIR: only local (trusted) administration; TCP on 127.0.0.1 needs a password.
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null ||
    fail "PostgreSQL did not start; see $dir/server.log"
  if [[ "$fresh" == true ]]; then
    prepare_database
  fi
  echo "PostgreSQL 15 is running on 127.0.0.1:$port; connection settings in $dir/oncocds-db.properties"
}

prepare_database() {
  [[ -f "$WAR" ]] || fail "$WAR is missing; build first (deploy/start.sh builds, or mvn -B -q -DskipTests install)"
  local owner_password app_password scripts
  owner_password="$(random_hex)"
  app_password="$(random_hex)"
  scripts="$dir/scripts"
  rm -rf "$scripts"
  mkdir -p "$scripts"
  local audit_jar
  audit_jar="$(jar tf "$WAR" | grep '^WEB-INF/lib/audit-module-.*\.jar$' | head -n 1)"
  [[ -n "$audit_jar" ]] || fail "$WAR holds no audit module jar"
  (cd "$scripts" && jar xf "$WAR" "$audit_jar" && jar xf "$audit_jar" db)
  chmod -R a+rX "$scripts"
  # The audit module's PostgreSQL scripts: db/audit/postgresql (db/postgresql in older jars).
  local grants migrations
  grants="$(find "$scripts/db" -path '*postgresql/app-role-grants.sql' | head -n 1)"
  [[ -n "$grants" ]] || fail "the audit jar in $WAR has no PostgreSQL scripts (db/.../postgresql/app-role-grants.sql)"
  migrations="$(dirname "$grants")"
  sql postgres postgres <<EOF
CREATE ROLE oncocds_owner LOGIN PASSWORD '$owner_password';
CREATE ROLE oncocds_app LOGIN PASSWORD '$app_password';
CREATE DATABASE oncocds OWNER oncocds_owner;
EOF
  # The schema as the owner: the audit module's migration runner (Flyway) when the jar has one, else every versioned
  # script in order (V1, V2, ... by number); then the application role's grants.
  extract_migration_libraries
  if has_class "$audit_jar" org.oncocds.audit.control.AuditSchemaMigration; then
    migrate_with_runner org.oncocds.audit.control.AuditSchemaMigration audit "$owner_password"
  else
    local script
    while read -r script; do
      sql oncocds_owner oncocds -f "$migrations/$script"
    done < <(find "$migrations" -name 'V*__*.sql' -printf '%f\n' | sort -V)
  fi
  sql oncocds_owner oncocds -f "$grants"
  # Then the other modules, each with its own grants. A module jar without migrations (an older build) has its tables
  # made by EclipseLink as the application role, which then needs CREATE in the schema.
  local spec module runner name all_migrated=true
  for spec in fairness-module:org.oncocds.fairness.control.FairnessSchemaMigration:fairness \
    prediction-ejb:org.oncocds.prediction.control.PredictionSchemaMigration:prediction; do
    IFS=: read -r module runner name <<<"$spec"
    if module_jar "$module" "$runner" >/dev/null; then
      migrate_module "$module" "$runner" "$name" "$owner_password"
    else
      all_migrated=false
    fi
  done
  if [[ "$all_migrated" == false ]]; then
    sql oncocds_owner oncocds -c 'GRANT CREATE ON SCHEMA public TO oncocds_app'
  fi
  (
    umask 077
    {
      echo "# Written by deploy/local-postgresql.sh: the application role of the local PostgreSQL on port $port."
      echo "oncocds.db.datasource-class=org.postgresql.ds.PGSimpleDataSource"
      echo "oncocds.db.url=jdbc:postgresql://127.0.0.1:$port/oncocds"
      echo "oncocds.db.user=oncocds_app"
      echo "oncocds.db.password=$app_password"
    } >"$dir/oncocds-db.properties"
    {
      echo "# The owner of the OncoCDS schema (administrators only; never give this to the application)."
      echo "oncocds.db.owner=oncocds_owner"
      echo "oncocds.db.owner-password=$owner_password"
    } >"$dir/owner.properties"
  )
}

# The module jars and Flyway from the WAR, for the migration runners (docs/audit-trail.md "Schema migrations",
# docs/fairness-metrics.md, docs/model-registry.md), with the PostgreSQL driver.
extract_migration_libraries() {
  libraries="$dir/scripts/lib"
  mkdir -p "$libraries"
  local jar_name
  while read -r jar_name; do
    (cd "$libraries" && jar xf "$WAR" "$jar_name")
  done < <(jar tf "$WAR" | grep -E '^WEB-INF/lib/(audit-module|fairness-module|prediction-ejb|flyway-)[^/]*\.jar$')
}

# Whether the module jar (a WEB-INF/lib path in the WAR) holds the class.
has_class() {
  local jar_name=$1 class=$2
  # grep reads all of the listing (no -q): with pipefail, an early exit would fail the listing with SIGPIPE.
  [[ -f "$libraries/$jar_name" ]] && jar tf "$libraries/$jar_name" | grep -x "${class//.//}.class" >/dev/null
}

# Prints the module's jar (a WEB-INF/lib path) when it ships the migration runner; fails when it does not (an older
# build, whose tables EclipseLink makes).
module_jar() {
  local module=$1 runner=$2 jar_name
  jar_name="$(cd "$libraries" && find WEB-INF/lib -name "$module-*.jar" | head -n 1)"
  [[ -n "$jar_name" ]] && has_class "$jar_name" "$runner" && echo "$jar_name"
}

# A module's migrations (as the owner) and its grants to the application role.
migrate_module() {
  local module=$1 runner=$2 name=$3 owner_password=$4 jar_name
  jar_name="$(module_jar "$module" "$runner")"
  migrate_with_runner "$runner" "$name" "$owner_password"
  local grants="$dir/scripts/$name/db/$name/postgresql/app-role-grants.sql"
  mkdir -p "$dir/scripts/$name"
  (cd "$dir/scripts/$name" && jar xf "$libraries/$jar_name" "db/$name/postgresql/app-role-grants.sql")
  [[ -f "$grants" ]] || fail "$jar_name has a migration runner but no db/$name/postgresql/app-role-grants.sql"
  chmod -R a+rX "$dir/scripts/$name"
  sql oncocds_owner oncocds -f "$grants"
}

# A module's migration runner (Flyway), connecting as the owner.
migrate_with_runner() {
  local runner=$1 name=$2 owner_password=$3
  ONCOCDS_MIGRATE_URL="jdbc:postgresql://127.0.0.1:$port/oncocds" ONCOCDS_MIGRATE_USER=oncocds_owner \
    ONCOCDS_MIGRATE_PASSWORD="$owner_password" \
    java -cp "$libraries/WEB-INF/lib/*:$DEPLOY_DIR/target/dist/lib/postgresql.jar" "$runner" \
    >>"$dir/migration.log" 2>&1 || fail "the $name schema migration failed; see $dir/migration.log"
}

stop() {
  [[ -f "$dir/data/postmaster.pid" ]] || return 0
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
}

command="${1:-}"
dir="${2:-}"
port="${3:-19432}"
[[ -n "$dir" ]] || {
  sed -n '2,/^[^#]/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 2
}
case "$command" in
  start) start ;;
  stop) stop ;;
  *) fail "unknown command '$command' (start or stop)" ;;
esac
