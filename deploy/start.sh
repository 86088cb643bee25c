#!/usr/bin/env bash
# Starts OncoCDS on this machine: Keycloak (realm "oncology") and Payara Micro running the portal on
# an embedded H2 file database, both bound to 127.0.0.1. Ctrl-C stops both; a second start reuses the
# data directory, so nothing is lost across restarts.
#
# Usage: deploy/start.sh [--port P] [--keycloak-port K] [--data-dir DIR] [--skip-build]
#                        [--db-properties FILE] [--skip-demo-approvals] [--hazelcast-port H] [--portal-only]
#   --db-properties FILE  run the portal on the database FILE names (oncocds.db.url, oncocds.db.user,
#                         oncocds.db.password, optional oncocds.db.datasource-class), e.g. PostgreSQL prepared as
#                         docs/audit-trail.md says; default: the H2 file database in the data directory
#   --skip-demo-approvals leave the demo models awaiting approval (by default, when a shipped task has no active
#                         model version, the demo compliance officer approves its bias report and the demo admin
#                         activates it, through the REST API, marked as done for the demo environment only)
#   --hazelcast-port H    the port of Payara's data grid (loopback only; default 6900 or the next free one above it)
#   --portal-only         start one more portal server of an installation that is running (its Keycloak on
#                         --keycloak-port, the same --data-dir and --db-properties: the instances share the database,
#                         nothing else); needs a database server (--db-properties), the H2 file opens in one server
# Environment: ONCOCDS_PORT (8080), ONCOCDS_KEYCLOAK_PORT (8180), ONCOCDS_DATA_DIR (<repo>/.oncocds-data),
#              ONCOCDS_DB_PROPERTIES, ONCOCDS_HAZELCAST_PORT, ONCOCDS_START_TIMEOUT (seconds to wait for each server, 600),
#              JAVA_OPTS_PAYARA (JVM options).
set -euo pipefail

readonly DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly REPO_DIR="$(dirname "$DEPLOY_DIR")"
readonly DIST_DIR="$DEPLOY_DIR/target/dist"
readonly REALM=oncology
readonly CLIENT_ID=oncocds-portal
readonly API_CLIENT_ID=oncocds-api
readonly USER_ADMIN_CLIENT_ID=oncocds-user-admin
readonly KEYCLOAK_ADMIN_USER=keycloak-admin
# Revision of src/main/keycloak/oncology-realm.json. Keycloak imports the realm into an empty store only, so a data
# directory keeps the realm of its first start: raise this number with every change of the realm file and add the step
# that brings an older store up to it to upgrade_realm (1: session 1's realm; 2: + the API and user-admin clients;
# 3: + the role data-manager and its demo user; 4: + login events kept 30 days, readable by the user-admin account).
readonly REALM_REVISION=4
# Revision 4: the Keycloak events the portal imports into the audit trail (failed logins) or that an administrator
# reviews, and how long Keycloak keeps them (30 days: the portal must be able to catch up after an outage).
readonly REALM_EVENT_TYPES=(LOGIN LOGIN_ERROR LOGOUT LOGOUT_ERROR CLIENT_LOGIN_ERROR CODE_TO_TOKEN_ERROR)
readonly REALM_EVENTS_EXPIRATION_SECONDS=2592000

readonly EXIT_USAGE=2 EXIT_PORT_IN_USE=3 EXIT_START_FAILED=4 EXIT_BUILD_FAILED=5

port="${ONCOCDS_PORT:-8080}"
keycloak_port="${ONCOCDS_KEYCLOAK_PORT:-8180}"
data_dir="${ONCOCDS_DATA_DIR:-$REPO_DIR/.oncocds-data}"
start_timeout="${ONCOCDS_START_TIMEOUT:-600}"
db_properties="${ONCOCDS_DB_PROPERTIES:-}"
hazelcast_port="${ONCOCDS_HAZELCAST_PORT:-}"
build=true
demo_approvals=true
portal_only=false

keycloak_pid=""
payara_pid=""

# A closed terminal or pipe must not keep the script from stopping the servers.
say() { printf '%s\n' "$*" 2>/dev/null || true; }
fail() {
  local code=$1
  shift
  printf 'start.sh: %s\n' "$*" >&2
  exit "$code"
}

usage() {
  sed -n '2,/^[^#]/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

parse_arguments() {
  while (($#)); do
    case "$1" in
      --port) port="${2:?--port needs a value}"; shift 2 ;;
      --port=*) port="${1#*=}"; shift ;;
      --keycloak-port) keycloak_port="${2:?--keycloak-port needs a value}"; shift 2 ;;
      --keycloak-port=*) keycloak_port="${1#*=}"; shift ;;
      --data-dir) data_dir="${2:?--data-dir needs a value}"; shift 2 ;;
      --data-dir=*) data_dir="${1#*=}"; shift ;;
      --skip-build) build=false; shift ;;
      --db-properties) db_properties="${2:?--db-properties needs a value}"; shift 2 ;;
      --db-properties=*) db_properties="${1#*=}"; shift ;;
      --skip-demo-approvals) demo_approvals=false; shift ;;
      --hazelcast-port) hazelcast_port="${2:?--hazelcast-port needs a value}"; shift 2 ;;
      --hazelcast-port=*) hazelcast_port="${1#*=}"; shift ;;
      --portal-only) portal_only=true; shift ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; fail "$EXIT_USAGE" "unknown option '$1'" ;;
    esac
  done
  require_port_number "--port/ONCOCDS_PORT" "$port"
  require_port_number "--keycloak-port/ONCOCDS_KEYCLOAK_PORT" "$keycloak_port"
  [[ "$port" != "$keycloak_port" ]] || fail "$EXIT_USAGE" "the portal and Keycloak need different ports (both are $port)"
  if [[ -n "$hazelcast_port" ]]; then
    require_port_number "--hazelcast-port/ONCOCDS_HAZELCAST_PORT" "$hazelcast_port"
    [[ "$hazelcast_port" != "$port" && "$hazelcast_port" != "$keycloak_port" ]] ||
      fail "$EXIT_USAGE" "--hazelcast-port $hazelcast_port is already the port of the portal or of Keycloak"
  fi
  [[ "$start_timeout" =~ ^[1-9][0-9]*$ ]] || fail "$EXIT_USAGE" "ONCOCDS_START_TIMEOUT must be a number of seconds, not '$start_timeout'"
  if [[ -n "$db_properties" ]]; then
    [[ -f "$db_properties" && -r "$db_properties" ]] ||
      fail "$EXIT_USAGE" "--db-properties/ONCOCDS_DB_PROPERTIES: no readable file '$db_properties'"
    [[ -n "$(property oncocds.db.url "$db_properties")" ]] ||
      fail "$EXIT_USAGE" "--db-properties: $db_properties has no oncocds.db.url"
  fi
  if [[ "$portal_only" == true ]]; then
    [[ -n "$db_properties" ]] ||
      fail "$EXIT_USAGE" "--portal-only needs --db-properties: several portal servers share a database server; the H2 file database opens in one server only"
  fi
}

require_port_number() {
  local name=$1 value=$2
  if ! [[ "$value" =~ ^[1-9][0-9]{0,4}$ ]] || ((value > 65535)); then
    fail "$EXIT_USAGE" "$name must be a port number between 1 and 65535, not '$value'"
  fi
}

require_java_17() {
  command -v java >/dev/null || fail "$EXIT_START_FAILED" "java is not on the PATH; OncoCDS needs Java 17 or newer"
  local version
  version="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)"
  [[ "$version" =~ ^[0-9]+$ ]] && ((version >= 17)) || fail "$EXIT_START_FAILED" "OncoCDS needs Java 17 or newer; 'java -version' says ${version:-nothing usable}"
}

# Something answers on 127.0.0.1:<port> (bash's /dev/tcp: no curl or netcat needed).
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

require_free_port() {
  local port_number=$1 purpose=$2 option=$3
  if port_in_use "$port_number"; then
    fail "$EXIT_PORT_IN_USE" "port $port_number ($purpose) is already in use on 127.0.0.1; stop what uses it or choose another with $option"
  fi
}

# Prints the response (status line, headers, body) of GET http://127.0.0.1:<port><path>.
http_get() {
  timeout 10 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
    printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n" "$1" "$0" >&3
    cat <&3' "$1" "$2" 2>/dev/null
}

build_distribution() {
  if [[ "$build" == true ]]; then
    command -v mvn >/dev/null || fail "$EXIT_BUILD_FAILED" "mvn is not on the PATH; install Maven 3.8+ or start with --skip-build after a build"
    say "Building OncoCDS (mvn -B -q -DskipTests install; the first build downloads dependencies)..."
    (cd "$REPO_DIR" && mvn -B -q -Dstyle.color=never -DskipTests -pl deploy -am install) ||
      fail "$EXIT_BUILD_FAILED" "the build failed (see the Maven output above)"
  fi
  local required
  for required in oncocds.war payara-micro.jar oncology-realm.json preboot-commands.txt hazelcast.xml \
    lib/postgresql.jar tools/parsson.jar; do
    [[ -f "$DIST_DIR/$required" ]] ||
      fail "$EXIT_BUILD_FAILED" "$DIST_DIR/$required is missing; run deploy/start.sh without --skip-build"
  done
  keycloak_archive="$(find "$DIST_DIR" -maxdepth 1 -name 'keycloak-*.tar.gz' | sort | tail -n 1)"
  [[ -n "$keycloak_archive" ]] ||
    fail "$EXIT_BUILD_FAILED" "no Keycloak archive in $DIST_DIR; run deploy/start.sh without --skip-build"
}

prepare_data_directory() {
  mkdir -p "$data_dir"
  data_dir="$(cd "$data_dir" && pwd)"
  # Holds the secrets, the audit database and the Keycloak users: only the owner may read it.
  chmod 700 "$data_dir"
  mkdir -p "$data_dir/logs" "$data_dir/h2" "$data_dir/payara"
  secrets_file="$data_dir/secrets.properties"
  state_file="$data_dir/state.properties"
  keycloak_log="$data_dir/logs/keycloak.log"
  # A further portal server of the installation (--portal-only) keeps its own log and settings, named by its port.
  local instance=""
  [[ "$portal_only" == false ]] || instance="-$port"
  payara_log="$data_dir/logs/payara-micro$instance.log"
  payara_properties="$data_dir/payara/system$instance.properties"
  hazelcast_config="$DIST_DIR/hazelcast.xml"
  [[ -z "$hazelcast_port" ]] || hazelcast_config="$data_dir/payara/hazelcast$instance.xml"
}

# --portal-only joins an installation: its secrets must exist (never generated here) and its Keycloak must answer.
require_running_installation() {
  [[ -f "$secrets_file" ]] ||
    fail "$EXIT_START_FAILED" "--portal-only: $data_dir holds no installation ($secrets_file is missing); start it with start.sh without --portal-only first"
  local response
  response="$(http_get "$keycloak_port" "/realms/$REALM/.well-known/openid-configuration" || true)"
  [[ "$response" =~ ^HTTP/1\.[01]\ 200 ]] ||
    fail "$EXIT_START_FAILED" "--portal-only: no Keycloak answers for the realm $REALM on 127.0.0.1:$keycloak_port; start the installation with start.sh without --portal-only first"
}

# hazelcast.xml with the data grid on exactly --hazelcast-port (no counting up to a free port).
write_hazelcast_config() {
  [[ -n "$hazelcast_port" ]] || return 0
  local template="$DIST_DIR/hazelcast.xml"
  grep -q '<port auto-increment="true" port-count="100">6900</port>' "$template" ||
    fail "$EXIT_BUILD_FAILED" "$template has no <port> element start.sh knows how to change; rebuild deploy/target/dist"
  sed 's|<port auto-increment="true" port-count="100">6900</port>|<port auto-increment="false">'"$hazelcast_port"'</port>|' \
    "$template" >"$hazelcast_config"
}

random_hex() {
  od -An -N32 -tx1 /dev/urandom | tr -d ' \n'
}

property() {
  local key=$1 file=$2
  [[ -f "$file" ]] || return 0
  sed -n "s/^${key//./\\.}=//p" "$file" | tail -n 1
}

ensure_secrets() {
  if [[ ! -f "$secrets_file" ]]; then
    [[ ! -d "$data_dir/keycloak" ]] ||
      fail "$EXIT_START_FAILED" "$secrets_file is missing but $data_dir/keycloak exists: restore the secrets file (Keycloak and the audit pseudonyms depend on it) or start with a new data directory"
    say "First start: generating secrets into $secrets_file"
    (
      umask 077
      {
        echo "# Generated by deploy/start.sh on the first start. Private: never share or commit."
        echo "# The pseudonym and seal keys must stay the same for the lifetime of the audit database."
        echo "oncocds.oidc.client-secret=$(random_hex)"
        echo "oncocds.pseudonym.key=$(random_hex)"
        echo "oncocds.audit.seal-key=$(random_hex)"
        echo "keycloak.admin.password=$(random_hex)"
        echo "oncocds.api.client-secret=$(random_hex)"
        echo "oncocds.user-admin.client-secret=$(random_hex)"
      } >"$secrets_file.tmp"
      mv "$secrets_file.tmp" "$secrets_file"
    )
  fi
  chmod 600 "$secrets_file"
  # Data directories made by an older start.sh lack the newer secrets: the seal key (the chain's seals start with
  # the next record) and the secrets of the API and user-administration clients (the realm upgrade adds the clients).
  local key
  for key in oncocds.audit.seal-key oncocds.api.client-secret oncocds.user-admin.client-secret; do
    add_missing_secret "$key"
  done
  client_secret="$(property oncocds.oidc.client-secret "$secrets_file")"
  pseudonym_key="$(property oncocds.pseudonym.key "$secrets_file")"
  seal_key="$(property oncocds.audit.seal-key "$secrets_file")"
  keycloak_admin_password="$(property keycloak.admin.password "$secrets_file")"
  api_client_secret="$(property oncocds.api.client-secret "$secrets_file")"
  user_admin_client_secret="$(property oncocds.user-admin.client-secret "$secrets_file")"
  [[ -n "$client_secret" && -n "$pseudonym_key" && -n "$seal_key" && -n "$keycloak_admin_password" &&
    -n "$api_client_secret" && -n "$user_admin_client_secret" ]] ||
    fail "$EXIT_START_FAILED" "$secrets_file lacks one of oncocds.oidc.client-secret, oncocds.pseudonym.key, oncocds.audit.seal-key, keycloak.admin.password, oncocds.api.client-secret, oncocds.user-admin.client-secret"
}

add_missing_secret() {
  local key=$1
  if [[ -z "$(property "$key" "$secrets_file")" ]]; then
    say "Adding $key to $secrets_file"
    echo "$key=$(random_hex)" >>"$secrets_file"
  fi
}

# Keycloak is unpacked once into the data directory: its H2 store (users, sessions) lives under it.
ensure_keycloak() {
  keycloak_home="$data_dir/keycloak"
  local archive_version
  archive_version="$(basename "$keycloak_archive" .tar.gz)"
  archive_version="${archive_version#keycloak-}"
  if [[ ! -x "$keycloak_home/bin/kc.sh" ]]; then
    say "Unpacking Keycloak $archive_version into $keycloak_home"
    rm -rf "$data_dir/keycloak.unpacking"
    mkdir -p "$data_dir/keycloak.unpacking"
    tar -xzf "$keycloak_archive" -C "$data_dir/keycloak.unpacking" --strip-components=1
    mv "$data_dir/keycloak.unpacking" "$keycloak_home"
  fi
  local installed_version
  installed_version="$(sed -n 's/.*Version \(.*\)/\1/p' "$keycloak_home/version.txt" 2>/dev/null || true)"
  if [[ "$installed_version" != "$archive_version" ]]; then
    say "Note: $keycloak_home holds Keycloak ${installed_version:-of unknown version}, the build ships $archive_version; starting the installed one."
  fi
  # Keycloak imports the realm file only into an empty store: without one, this start creates the realm as shipped.
  [[ -d "$keycloak_home/data/h2" ]] && keycloak_store_existed=true || keycloak_store_existed=false
  mkdir -p "$keycloak_home/data/import"
  # Placeholders (${ONCOCDS_...}) are resolved by Keycloak from its environment at import time.
  cp "$DIST_DIR/oncology-realm.json" "$keycloak_home/data/import/oncology-realm.json"
}

write_payara_system_properties() {
  (
    umask 077
    {
      echo "# Written by deploy/start.sh on every start from secrets.properties and the options."
      database_properties
      echo "oncocds.pseudonym.key=$pseudonym_key"
      echo "oncocds.audit.seal-key=$seal_key"
      echo "oncocds.oidc.provider-uri=http://127.0.0.1:$keycloak_port/realms/$REALM"
      echo "oncocds.oidc.client-id=$CLIENT_ID"
      echo "oncocds.oidc.client-secret=$client_secret"
      echo "oncocds.user-admin.client-id=$USER_ADMIN_CLIENT_ID"
      echo "oncocds.user-admin.client-secret=$user_admin_client_secret"
    } >"$payara_properties"
  )
  chmod 600 "$payara_properties"
}

start_keycloak() {
  require_free_port "$keycloak_port" "Keycloak" "--keycloak-port"
  say "Starting Keycloak on http://127.0.0.1:$keycloak_port/ (log: $keycloak_log)"
  # Job control gives each server its own process group: Ctrl-C reaches this script only, which
  # then stops the portal before Keycloak, and a TERM to the group also reaches kc.sh's java.
  set -m
  (
    cd "$keycloak_home"
    exec env KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN_USER" \
      KC_BOOTSTRAP_ADMIN_PASSWORD="$keycloak_admin_password" \
      ONCOCDS_OIDC_CLIENT_SECRET="$client_secret" \
      ONCOCDS_API_CLIENT_SECRET="$api_client_secret" \
      ONCOCDS_USER_ADMIN_CLIENT_SECRET="$user_admin_client_secret" \
      ONCOCDS_PORT="$port" \
      bin/kc.sh start-dev --http-host 127.0.0.1 --http-port "$keycloak_port" --import-realm
  ) </dev/null >>"$keycloak_log" 2>&1 &
  keycloak_pid=$!
  set +m
}

# The H2 file database in the data directory, or the database of --db-properties (PostgreSQL gets its driver and data
# source class).
database_properties() {
  if [[ -z "$db_properties" ]]; then
    # WRITE_DELAY=0: H2 writes every commit to its file before the commit returns. With H2's default (changes written
    # by a background thread up to a second later) a killed JVM loses recommendations it had already answered.
    echo "oncocds.db.url=jdbc:h2:file:$data_dir/h2/oncocds;WRITE_DELAY=0"
    return
  fi
  local key value url
  url="$(property oncocds.db.url "$db_properties")"
  echo "oncocds.db.url=$url"
  for key in oncocds.db.user oncocds.db.password oncocds.db.datasource-class; do
    value="$(property "$key" "$db_properties")"
    if [[ "$key" == oncocds.db.datasource-class && -z "$value" && "$url" == jdbc:postgresql:* ]]; then
      value=org.postgresql.ds.PGSimpleDataSource
    fi
    [[ -z "$value" ]] || echo "$key=$value"
  done
}

start_payara() {
  require_free_port "$port" "the portal" "--port"
  say "Starting the portal in Payara Micro on http://127.0.0.1:$port/ (log: $payara_log)"
  set -m
  # Not --nocluster: with it Payara Micro's Hazelcast listens on every interface whatever the
  # options say; hazelcast.xml instead makes it a lone member listening on 127.0.0.1 only.
  # WEKA_HOME keeps Weka's package folder in the data directory instead of the user's home.
  # shellcheck disable=SC2086 # JAVA_OPTS_PAYARA is a list of JVM options.
  local libraries=()
  [[ "$(property oncocds.db.url "$payara_properties")" != jdbc:postgresql:* ]] ||
    libraries=(--addLibs "$DIST_DIR/lib/postgresql.jar")
  java ${JAVA_OPTS_PAYARA:-} -DWEKA_HOME="$data_dir/weka" -jar "$DIST_DIR/payara-micro.jar" \
    --deploy "$DIST_DIR/oncocds.war" --contextroot / --port "$port" "${libraries[@]}" \
    --hzconfigfile "$hazelcast_config" --disablephonehome \
    --prebootcommandfile "$DIST_DIR/preboot-commands.txt" \
    --systemproperties "$payara_properties" \
    </dev/null >>"$payara_log" 2>&1 &
  payara_pid=$!
  set +m
}

running() {
  [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null && [[ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]]
}

died_during_start() {
  local name=$1 pid=$2 log=$3 status=0
  wait "$pid" || status=$?
  [[ "$pid" == "$keycloak_pid" ]] && keycloak_pid=""
  [[ "$pid" == "$payara_pid" ]] && payara_pid=""
  {
    echo "start.sh: $name stopped during start (exit code $status); see $log. Its last lines:"
    tail -n 15 "$log" | sed 's/^/  | /'
  } >&2 || true
  exit "$EXIT_START_FAILED"
}

# Waits until GET <path> answers 200 with a body matching <pattern>, or the process ends.
await_http() {
  local name=$1 pid=$2 log=$3 port_number=$4 path=$5 pattern=$6
  local deadline=$((SECONDS + start_timeout)) response
  while ((SECONDS < deadline)); do
    running "$pid" || died_during_start "$name" "$pid" "$log"
    response="$(http_get "$port_number" "$path" || true)"
    if [[ "$response" =~ ^HTTP/1\.[01]\ 200 ]] && grep -Eq "$pattern" <<<"$response"; then
      return 0
    fi
    sleep 1
  done
  fail "$EXIT_START_FAILED" "$name did not answer http://127.0.0.1:$port_number$path within $start_timeout s; see $log"
}

# The realm is imported once (IGNORE_EXISTING). On an existing store, start.sh brings the realm up to the shipped
# revision and moves the portal client's redirect and logout URIs along when the portal port changed, through
# Keycloak's admin CLI as the bootstrap administrator. What was done is kept in state.properties.
reconcile_realm() {
  local registered_port revision
  registered_port="$(property portal.port "$state_file")"
  revision="$(property realm.revision "$state_file")"
  if [[ "$keycloak_store_existed" == false ]]; then
    revision=$REALM_REVISION
  fi
  # A store imported by a start.sh that did not record the revision holds revision 1.
  revision="${revision:-1}"
  # Each step signs in anew: the master realm's admin tokens live 60 s, and on a busy machine one step can take longer.
  if ((revision < REALM_REVISION)); then
    upgrade_realm "$revision"
    revision=$REALM_REVISION
  fi
  if [[ -n "$registered_port" && "$registered_port" != "$port" ]]; then
    say "The portal moved from port $registered_port to $port: updating the Keycloak client $CLIENT_ID"
    kcadm_sign_in
    update_client_urls
  fi
  rm -f "$data_dir/payara/kcadm.config"
  printf 'portal.port=%s\nrealm.revision=%s\n' "$port" "$revision" >"$state_file"
}

kcadm() {
  "$keycloak_home/bin/kcadm.sh" "$@" --config "$kcadm_config"
}

kcadm_sign_in() {
  kcadm_config="$data_dir/payara/kcadm.config"
  (
    umask 077
    KC_CLI_PASSWORD="$keycloak_admin_password" "$keycloak_home/bin/kcadm.sh" config credentials \
      --config "$kcadm_config" --server "http://127.0.0.1:$keycloak_port" --realm master \
      --user "$KEYCLOAK_ADMIN_USER" >>"$keycloak_log" 2>&1
  ) || fail "$EXIT_START_FAILED" "could not sign in to Keycloak's admin API as $KEYCLOAK_ADMIN_USER (if that administrator was removed, apply the realm changes in the admin console); see $keycloak_log"
}

# One step per revision, each through Keycloak's admin API as the bootstrap administrator.
upgrade_realm() {
  local from=$1
  say "Upgrading the Keycloak realm $REALM from revision $from to $REALM_REVISION"
  if ((from < 3)); then
    kcadm_sign_in
    import_missing_realm_objects
  fi
  if ((from < 4)); then
    kcadm_sign_in
    enable_login_events
  fi
}

# Revisions 2 and 3 added clients, a service-account user, a role and a demo user only: Keycloak's partial import of
# the shipped realm file, skipping everything that exists, adds exactly those and changes nothing else (demo users keep
# their passwords).
import_missing_realm_objects() {
  local realm_file="$data_dir/payara/oncology-realm.upgrade.json"
  say "  revisions 2-3: adding the clients, roles and users that are missing (nothing that exists is changed)"
  # Keycloak's own import resolves the placeholders from its environment; here bash does (no secret on a command line).
  local realm
  realm="$(<"$DIST_DIR/oncology-realm.json")"
  realm="${realm//'${ONCOCDS_OIDC_CLIENT_SECRET}'/$client_secret}"
  realm="${realm//'${ONCOCDS_API_CLIENT_SECRET}'/$api_client_secret}"
  realm="${realm//'${ONCOCDS_USER_ADMIN_CLIENT_SECRET}'/$user_admin_client_secret}"
  realm="${realm//'${ONCOCDS_PORT}'/$port}"
  (
    umask 077
    printf '%s\n' "$realm" >"$realm_file"
  )
  local status=0
  kcadm create partialImport -r "$REALM" -s ifResourceExists=SKIP -f "$realm_file" >>"$keycloak_log" 2>&1 || status=$?
  rm -f "$realm_file"
  ((status == 0)) || fail "$EXIT_START_FAILED" "the upgrade of the Keycloak realm $REALM failed; see $keycloak_log"
}

# Revision 4 changes two existing objects, so it cannot be a partial import: the realm's event settings (events
# stored, the types of REALM_EVENT_TYPES, kept 30 days) and the roles of the user-admin client's service account (+
# realm-management view-events, so that the portal can read the failed logins). Event settings an administrator had
# already switched on are kept: their event types stay stored (ours are added) and so does their expiration.
enable_login_events() {
  say "  revision 4: Keycloak stores login events (${REALM_EVENT_TYPES[*]}) for 30 days; $USER_ADMIN_CLIENT_ID may read them"
  local enabled expiration types=("${REALM_EVENT_TYPES[@]}") existing
  enabled="$(kcadm get events/config -r "$REALM" --fields eventsEnabled --format csv --noquotes 2>>"$keycloak_log")" ||
    fail "$EXIT_START_FAILED" "could not read the event settings of the Keycloak realm $REALM; see $keycloak_log"
  expiration=$REALM_EVENTS_EXPIRATION_SECONDS
  if [[ "$enabled" == true ]]; then
    existing="$(kcadm get events/config -r "$REALM" --fields enabledEventTypes --format csv --noquotes 2>>"$keycloak_log")" ||
      fail "$EXIT_START_FAILED" "could not read the event settings of the Keycloak realm $REALM; see $keycloak_log"
    local type
    for type in ${existing//,/ }; do
      [[ " ${types[*]} " == *" $type "* ]] || types+=("$type")
    done
    existing="$(kcadm get events/config -r "$REALM" --fields eventsExpiration --format csv --noquotes 2>>"$keycloak_log")" || true
    [[ ! "$existing" =~ ^[1-9][0-9]*$ ]] || expiration=$existing
  fi
  local list
  list="$(printf '"%s",' "${types[@]}")"
  kcadm update events/config -r "$REALM" -s eventsEnabled=true -s "eventsExpiration=$expiration" \
    -s "enabledEventTypes=[${list%,}]" >>"$keycloak_log" 2>&1 ||
    fail "$EXIT_START_FAILED" "could not switch on the login events of the Keycloak realm $REALM; see $keycloak_log"
  kcadm add-roles -r "$REALM" --uusername "service-account-$USER_ADMIN_CLIENT_ID" --cclientid realm-management \
    --rolename view-events >>"$keycloak_log" 2>&1 ||
    fail "$EXIT_START_FAILED" "could not give the service account of $USER_ADMIN_CLIENT_ID the role view-events; see $keycloak_log"
}

update_client_urls() {
  local base="http://127.0.0.1:$port" client_uuid
  client_uuid="$(kcadm get clients -r "$REALM" -q clientId="$CLIENT_ID" --fields id --format csv --noquotes 2>>"$keycloak_log")" ||
    fail "$EXIT_START_FAILED" "could not find the Keycloak client $CLIENT_ID to move it to port $port; see $keycloak_log"
  kcadm update "clients/$client_uuid" -r "$REALM" \
    -s "rootUrl=$base" -s "redirectUris=[\"$base/*\"]" -s "webOrigins=[\"$base\"]" \
    -s "attributes.\"post.logout.redirect.uris\"=$base/*" >>"$keycloak_log" 2>&1 ||
    fail "$EXIT_START_FAILED" "could not update the Keycloak client $CLIENT_ID to port $port; see $keycloak_log"
}

# No model version answers a clinician until a compliance officer approved its bias report and an admin activated it.
# For the demo, the demo users do both through the REST API with their own tokens (so the audit trail shows their acts),
# with a comment marking it as done by start.sh for the demo environment; --skip-demo-approvals leaves that to people.
approve_demo_models() {
  if [[ "$demo_approvals" == false ]]; then
    say "Demo models: left awaiting approval (--skip-demo-approvals); the compliance officer approves their bias reports, an admin activates them."
    return
  fi
  java -cp "$DIST_DIR/tools/*" org.oncocds.deploy.tools.DemoModelApproval "http://127.0.0.1:$port" \
    "http://127.0.0.1:$keycloak_port/realms/$REALM" "$secrets_file" </dev/null 2>&1 || true
}

stop_process() {
  local name=$1 pid=$2
  [[ -n "$pid" ]] || return 0
  if running "$pid"; then
    say "Stopping $name..."
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    # A server that ignores TERM for 60 s is killed, so Ctrl-C always ends the script.
    local deadline=$((SECONDS + 60))
    while running "$pid" && ((SECONDS < deadline)); do
      sleep 0.2
    done
    if running "$pid"; then
      say "$name did not stop within 60 s of SIGTERM: killing it."
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
    fi
  fi
  wait "$pid" 2>/dev/null
}

stop_all() {
  trap '' INT TERM HUP PIPE
  # Stopping goes through every step whatever one of them returns (a server that ends between two checks, an output
  # nobody reads any more): errexit must not end the script halfway, with a server left running or a wrong exit code.
  set +e
  stop_process "the portal (Payara Micro)" "$payara_pid"
  payara_pid=""
  stop_process "Keycloak" "$keycloak_pid"
  keycloak_pid=""
}

on_signal() {
  stop_all
  say "OncoCDS stopped."
  exit 0
}

print_ready() {
  local role=""
  [[ "$portal_only" == false ]] ||
    role="  One more portal server of the installation in $data_dir (started with --portal-only; its own log is $payara_log)."
  cat <<EOF

OncoCDS is ready at http://127.0.0.1:$port/
${role:+$role
}  Demo logins (documented in the README; change or remove them before real use):
    clinician   / clinician-demo    (role clinician)
    compliance  / compliance-demo   (role compliance-officer)
    admin       / admin-demo        (role admin)
    datamanager / datamanager-demo  (role data-manager)
  Keycloak:  http://127.0.0.1:$keycloak_port/ (admin console user '$KEYCLOAK_ADMIN_USER', password in $secrets_file)
  REST API:  tokens from client '$API_CLIENT_ID' (direct access grants; its secret is oncocds.api.client-secret in
             $secrets_file), see docs/api.md
  Database:  $(database_description)
  Data:      $data_dir (logs in $data_dir/logs)
  Press Ctrl-C to stop.
EOF
}

database_description() {
  if [[ -z "$db_properties" ]]; then
    echo "H2 file $data_dir/h2/oncocds.mv.db"
  else
    echo "$(property oncocds.db.url "$db_properties") (from $db_properties)"
  fi
}

watch_processes() {
  local status=0
  if [[ -n "$keycloak_pid" ]]; then
    wait -n "$keycloak_pid" "$payara_pid" || status=$?
  else
    wait "$payara_pid" || status=$?
  fi
  if ! running "$payara_pid"; then
    say "start.sh: the portal (Payara Micro) stopped unexpectedly (exit code $status); see $payara_log" >&2
  else
    say "start.sh: Keycloak stopped unexpectedly (exit code $status); see $keycloak_log" >&2
  fi
  stop_all
  exit "$EXIT_START_FAILED"
}

main() {
  parse_arguments "$@"
  require_java_17
  [[ "$portal_only" == true ]] || require_free_port "$keycloak_port" "Keycloak" "--keycloak-port"
  require_free_port "$port" "the portal" "--port"
  [[ -z "$hazelcast_port" ]] || require_free_port "$hazelcast_port" "Payara's data grid" "--hazelcast-port"
  build_distribution
  prepare_data_directory
  if [[ "$portal_only" == true ]]; then
    require_running_installation
    ensure_secrets
    write_hazelcast_config
    write_payara_system_properties
    start_portal_only
  fi
  ensure_secrets
  ensure_keycloak
  write_hazelcast_config
  write_payara_system_properties

  trap on_signal INT TERM HUP
  trap stop_all EXIT
  local started=$SECONDS
  # Both boot at once: the portal contacts Keycloak only when someone logs in, after both are up.
  start_keycloak
  start_payara
  await_http "Keycloak" "$keycloak_pid" "$keycloak_log" "$keycloak_port" \
    "/realms/$REALM/.well-known/openid-configuration" '"issuer"'
  say "Keycloak is up ($((SECONDS - started)) s)."
  reconcile_realm
  await_http "The portal (Payara Micro)" "$payara_pid" "$payara_log" "$port" "/status" '"status"[[:space:]]*:[[:space:]]*"UP"'
  say "The portal is up ($((SECONDS - started)) s)."
  approve_demo_models
  print_ready
  watch_processes
}

# One more portal server of a running installation: no Keycloak, no realm changes, no demo approvals (the installation's
# own start.sh does those).
start_portal_only() {
  trap on_signal INT TERM HUP
  trap stop_all EXIT
  local started=$SECONDS
  start_payara
  await_http "The portal (Payara Micro)" "$payara_pid" "$payara_log" "$port" "/status" '"status"[[:space:]]*:[[:space:]]*"UP"'
  say "The portal is up ($((SECONDS - started)) s)."
  print_ready
  watch_processes
}

main "$@"
