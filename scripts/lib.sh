# shellcheck shell=bash
# Shared helpers for scripts/*.sh — source it, do not execute it.
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_SOCKET_DIR=/tmp
PG_OS_USER=postgres      # cluster owner when we run as root
PG_BOOTSTRAP_ROLE=postgres  # superuser created by initdb (trusted on the socket)
SMARTCITY_ROLE=smartcity
SMARTCITY_PASSWORD=smartcity
SMARTCITY_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export SMARTCITY_REPO

log() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() { log "error: $*"; exit 1; }

is_root() { [[ $(id -u) -eq 0 ]]; }

# Run a command as the cluster owner: postgres when we are root (PostgreSQL
# refuses root), otherwise ourselves. cd / so postgres never needs our cwd.
pg_as_owner() {
  if is_root; then
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  else
    "$@"
  fi
}

# True when the cluster owner can traverse (search) DIR and all its parents.
owner_can_traverse() {
  pg_as_owner test -x "$1" 2>/dev/null
}

# Sets PGDATA_DIR (and PGDATA_NOTE when falling back). Precedence:
# SMARTCITY_PGDATA, then <repo>/.local/pgdata, then /var/tmp/smartcity-<hash>/pgdata
# when running as root and postgres cannot reach the clone (e.g. under /root).
# shellcheck disable=SC2034  # PGDATA_DIR/PGDATA_NOTE are read by callers
resolve_pgdata() {
  PGDATA_NOTE=
  if [[ -n ${SMARTCITY_PGDATA:-} ]]; then
    PGDATA_DIR=$(realpath -m "$SMARTCITY_PGDATA")  # absolute: pg_as_owner runs from /
    return
  fi
  local local_dir=$SMARTCITY_REPO/.local
  PGDATA_DIR=$local_dir/pgdata
  is_root || return 0
  if [[ -d $local_dir ]] && owner_can_traverse "$local_dir"; then return; fi
  if [[ ! -e $local_dir ]] && owner_can_traverse "$SMARTCITY_REPO"; then return; fi
  local hash
  hash=$(printf '%s' "$SMARTCITY_REPO" | md5sum | cut -c1-8)
  PGDATA_DIR=/var/tmp/smartcity-$hash/pgdata
  PGDATA_NOTE="user $PG_OS_USER cannot reach $local_dir; using $PGDATA_DIR instead"
}

# Log file lives next to the data dir: <datadir>.log
pg_logfile() { printf '%s.log\n' "${1%/}"; }

# Create an empty data dir (and its log file) usable by the cluster owner.
pg_prepare_datadir() {
  local dir=$1 parent log_file
  parent=$(dirname "$dir")
  log_file=$(pg_logfile "$dir")
  if [[ ! -d $parent ]]; then
    mkdir -p "$parent"
    chmod 755 "$parent"
  fi
  [[ -d $dir ]] || mkdir -m 700 "$dir"
  touch "$log_file"
  if is_root; then
    chown "$PG_OS_USER:" "$dir" "$log_file"
    owner_can_traverse "$parent" ||
      die "user $PG_OS_USER cannot traverse $parent (set SMARTCITY_PGDATA elsewhere)"
  fi
  chmod 700 "$dir"
}

# True when DIR holds an initialised cluster.
pg_is_initialised() { [[ -f $1/PG_VERSION ]]; }

# initdb DIR: trust on the socket, scram-sha-256 on TCP, UTF-8.
pg_init_cluster() {
  local dir=$1 locale_args=(--no-locale)
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
    locale_args=(--locale=C.UTF-8)
  fi
  pg_prepare_datadir "$dir"
  pg_as_owner "$PG_BIN/initdb" -D "$dir" -U "$PG_BOOTSTRAP_ROLE" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 "${locale_args[@]}" >/dev/null
}

# True when the cluster in DIR is running.
pg_is_running() {
  pg_is_initialised "$1" && pg_as_owner "$PG_BIN/pg_ctl" status -D "$1" >/dev/null 2>&1
}

# Port of the running cluster in DIR (4th line of postmaster.pid).
pg_running_port() { sed -n 4p "$1/postmaster.pid" 2>/dev/null; }

# True when something already listens on 127.0.0.1:PORT or owns its socket.
pg_port_in_use() {
  local port=$1 rc=0
  "$PG_BIN/pg_isready" -q -h "$PG_SOCKET_DIR" -p "$port" || rc=$?
  ((rc != 2)) && return 0   # 2 = no server answers on that socket
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# pg_start_cluster DIR PORT [-c name=value ...]: start on 127.0.0.1:PORT,
# socket in /tmp; extra server options are passed through.
pg_start_cluster() {
  local dir=$1 port=$2 log_file
  shift 2
  log_file=$(pg_logfile "$dir")
  pg_port_in_use "$port" &&
    die "port $port is already in use (another PostgreSQL or service); choose another port"
  local opts="-p $port -k $PG_SOCKET_DIR -c listen_addresses=127.0.0.1 $*"
  if ! pg_as_owner "$PG_BIN/pg_ctl" start -D "$dir" -l "$log_file" -w -t 30 -o "$opts" >/dev/null; then
    tail -n 20 "$log_file" >&2 || true
    die "PostgreSQL failed to start (log: $log_file)"
  fi
}

pg_stop_cluster() {
  local dir=$1 mode=${2:-fast}
  pg_as_owner "$PG_BIN/pg_ctl" stop -D "$dir" -m "$mode" -w >/dev/null
}

# Wait until pg_isready succeeds on 127.0.0.1:PORT (default 30 s).
pg_wait_ready() {
  local port=$1 timeout=${2:-30} i
  for ((i = 0; i < timeout * 5; i++)); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" && return 0
    sleep 0.2
  done
  die "PostgreSQL on 127.0.0.1:$port not ready after ${timeout}s"
}

# Create (or reset) the smartcity login role (SUPERUSER: tests create and drop
# databases) and, unless DB is empty, a database owned by it. Idempotent.
pg_bootstrap_role() {
  local port=$1 db=${2:-}
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$port" \
    -U "$PG_BOOTSTRAP_ROLE" -d postgres \
    -v role="$SMARTCITY_ROLE" -v pw="$SMARTCITY_PASSWORD" -v db="$db" <<'SQL'
SELECT format('CREATE ROLE %I', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN SUPERUSER CREATEDB PASSWORD :'pw';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE :'db' <> '' AND NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
}

# Client environment for connecting as smartcity over TCP.
pg_client_env() {
  export PGHOST=127.0.0.1 PGPORT=$1 PGUSER=$SMARTCITY_ROLE PGPASSWORD=$SMARTCITY_PASSWORD
}
