#!/usr/bin/env bash
# Local PostgreSQL 15 cluster for development.
#   scripts/db.sh start|stop|status|psql [psql args...]
# Env: SMARTCITY_PGPORT (default 55432), SMARTCITY_PGDATA (default <repo>/.local/pgdata).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=${SMARTCITY_PGPORT:-55432}
DB=smartcity

usage() { echo "usage: ${0##*/} start|stop|status|psql [psql args...]" >&2; exit 2; }

cmd_start() {
  [[ -n $PGDATA_NOTE ]] && log "note: $PGDATA_NOTE"
  if pg_is_running "$PGDATA_DIR"; then
    local running
    running=$(pg_running_port "$PGDATA_DIR")
    [[ $running == "$PORT" ]] ||
      die "cluster in $PGDATA_DIR already runs on port $running, not $PORT (stop it first)"
    log "already running on port $PORT ($PGDATA_DIR)"
  else
    if ! pg_is_initialised "$PGDATA_DIR"; then
      log "initialising a new cluster in $PGDATA_DIR"
      pg_init_cluster "$PGDATA_DIR"
    fi
    log "starting on 127.0.0.1:$PORT (log: $(pg_logfile "$PGDATA_DIR"))"
    pg_start_cluster "$PGDATA_DIR" "$PORT"
  fi
  pg_wait_ready "$PORT"
  pg_bootstrap_role "$PORT" "$DB"
  log "ready: Host=127.0.0.1;Port=$PORT;Database=$DB;Username=$SMARTCITY_ROLE;Password=$SMARTCITY_PASSWORD"
}

cmd_stop() {
  if pg_is_running "$PGDATA_DIR"; then
    pg_stop_cluster "$PGDATA_DIR"
    log "stopped ($PGDATA_DIR)"
  else
    log "not running ($PGDATA_DIR)"
  fi
}

cmd_status() {
  [[ -n $PGDATA_NOTE ]] && log "note: $PGDATA_NOTE"
  if pg_is_running "$PGDATA_DIR"; then
    echo "running  port=$(pg_running_port "$PGDATA_DIR")  data=$PGDATA_DIR"
  elif pg_is_initialised "$PGDATA_DIR"; then
    echo "stopped  port=$PORT  data=$PGDATA_DIR"
  else
    echo "stopped (not initialised)  port=$PORT  data=$PGDATA_DIR"
  fi
}

cmd_psql() {
  pg_client_env "$PORT"
  exec "$PG_BIN/psql" -d "$DB" "$@"
}

(($# >= 1)) || usage
resolve_pgdata
cmd=$1
shift
case $cmd in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  psql) cmd_psql "$@" ;;
  *) usage ;;
esac
