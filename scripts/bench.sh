#!/usr/bin/env bash
# Benchmarks on the national dataset (514 regencies x 40 quick wins x 24 monthly reports, 5 rounds of scores), per
# ARCHITECTURE.md's budgets. Not part of the test suite. Starts its own throwaway PostgreSQL cluster (durable settings,
# unlike the test cluster), builds the app and bench/SmartCity.Bench in Release, runs them, prints a table and writes it to
# artifacts/bench/results.md.
#   scripts/bench.sh [--quick]      (--quick: fewer requests, for a smoke run)
# Env: SMARTCITY_BENCH_PGPORT (default 55441); SMARTCITY_BENCH_KEEP=1 keeps the cluster and its national data afterwards.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SMARTCITY_REPO"

PORT=${SMARTCITY_BENCH_PGPORT:-55441}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
tmp_dir=

cleanup() {
  [[ -n $tmp_dir ]] || return 0
  if [[ ${SMARTCITY_BENCH_KEEP:-} == 1 ]]; then
    log "kept the bench cluster for inspection: $tmp_dir/pgdata on port $PORT (stop it with pg_ctl -D $tmp_dir/pgdata stop as $PG_OS_USER)"
    tmp_dir=
    return 0
  fi
  if pg_is_running "$tmp_dir/pgdata"; then pg_stop_cluster "$tmp_dir/pgdata" fast || true; fi
  rm -rf "$tmp_dir"
}
trap cleanup EXIT

if pg_port_in_use "$PORT"; then
  die "port $PORT is already in use; set SMARTCITY_BENCH_PGPORT to a free port"
fi
tmp_dir=$(mktemp -d /tmp/smartcity-bench.XXXXXX)
chmod 755 "$tmp_dir"
if is_root; then chown "$PG_OS_USER:" "$tmp_dir"; fi
pg_init_cluster "$tmp_dir/pgdata"
pg_start_cluster "$tmp_dir/pgdata" "$PORT" -c max_connections=300 -c shared_buffers=512MB
pg_wait_ready "$PORT"
pg_bootstrap_role "$PORT" smartcity_bench

log "building (Release)"
dotnet build src/SmartCity.Web -c Release -v q -nologo >/dev/null
dotnet build bench/SmartCity.Bench -c Release -v q -nologo >/dev/null

mkdir -p artifacts/bench
dotnet bench/SmartCity.Bench/bin/Release/net10.0/SmartCity.Bench.dll \
  --connection "Host=127.0.0.1;Port=$PORT;Database=smartcity_bench;Username=$SMARTCITY_ROLE;Password=$SMARTCITY_PASSWORD;Maximum Pool Size=200" \
  --app "src/SmartCity.Web/bin/Release/net10.0/SmartCity.Web.dll" \
  --out artifacts/bench/results.md "$@"
