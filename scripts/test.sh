#!/usr/bin/env bash
# Runs every check and test against a throwaway PostgreSQL cluster.
#   scripts/test.sh [extra dotnet test args, e.g. --filter Category=Fast]
# Env: SMARTCITY_TEST_PGPORT (default 55433); SMARTCITY_TEST_NOW (ISO-8601 instant the suite's programme clock
# starts at; default 2026-11-23T03:00:00Z, written in tests/Shared/TestNow.cs, never the wall clock).
# Exports to the tests: SMARTCITY_TEST_CONNECTION, SMARTCITY_CHROMIUM.
# The last output line is "N passed, N failed"; the exit status is non-zero
# when a test, the build, the migration check or the format check failed
# (each failed check counts as one failure in that line).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SMARTCITY_REPO"

PORT=${SMARTCITY_TEST_PGPORT:-55433}
CHROMIUM=/usr/bin/chromium
RESULTS_DIR=artifacts/test-results
TEST_ORDER=(UnitTests IntegrationTests EndToEndTests)
PROJECT_TIMEOUT=${SMARTCITY_TEST_PROJECT_TIMEOUT:-40m}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

total_passed=0 total_failed=0 total_skipped=0
summary=()
tmp_dir=
summary_printed=

step() { printf '\n==> %s\n' "$*" >&2; }

# Stop the throwaway cluster and remove its directory (keeps a copy of its log).
teardown() {
  [[ -n $tmp_dir ]] || return 0
  if pg_is_running "$tmp_dir/pgdata"; then
    pg_stop_cluster "$tmp_dir/pgdata" immediate || true
  fi
  if mkdir -p "$RESULTS_DIR"; then cp "$tmp_dir/pgdata.log" "$RESULTS_DIR/postgres.log" || true; fi
  rm -rf "$tmp_dir"
  tmp_dir=
}

on_exit() {
  local rc=$?
  teardown >/dev/null 2>&1
  # Keep the "N passed, N failed" contract even when setup aborted.
  if [[ -z $summary_printed ]]; then
    echo "$total_passed passed, $((total_failed > 0 ? total_failed : 1)) failed"
    ((rc != 0)) || rc=1
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

ensure_chromium() {
  [[ -x $CHROMIUM ]] && return 0
  step "installing chromium"
  local sudo=()
  if ! is_root; then
    command -v sudo >/dev/null || die "$CHROMIUM is missing and neither root nor sudo is available"
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  [[ -x $CHROMIUM ]] || die "chromium installed but $CHROMIUM is missing"
}

start_test_cluster() {
  step "starting throwaway PostgreSQL on 127.0.0.1:$PORT"
  if pg_port_in_use "$PORT"; then
    die "port $PORT is already in use; stop that server or set SMARTCITY_TEST_PGPORT to a free port"
  fi
  tmp_dir=$(mktemp -d /tmp/smartcity-test.XXXXXX)
  chmod 755 "$tmp_dir"
  if is_root; then chown "$PG_OS_USER:" "$tmp_dir"; fi
  pg_init_cluster "$tmp_dir/pgdata"
  pg_start_cluster "$tmp_dir/pgdata" "$PORT" -c fsync=off -c synchronous_commit=off \
    -c full_page_writes=off -c max_connections=300
  pg_wait_ready "$PORT"
  pg_bootstrap_role "$PORT"
}

# check NAME CMD...: run a check, record ok/FAILED, never abort the script.
check() {
  local name=$1
  shift
  step "$name"
  if "$@"; then
    summary+=("check $name: ok")
  else
    summary+=("check $name: FAILED")
    total_failed=$((total_failed + 1))
    return 1
  fi
}

# Prints "passed failed skipped" from a TRX file's <Counters .../> element.
trx_counts() {
  local counters attr
  local -A n=()
  counters=$(grep -o '<Counters [^>]*>' "$1" | head -n 1) || return 1
  for attr in total executed passed failed error timeout aborted; do
    n[$attr]=$(sed -n "s/.* $attr=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
    n[$attr]=${n[$attr]:-0}
  done
  echo "${n[passed]} $((n[failed] + n[error] + n[timeout] + n[aborted])) $((n[total] - n[executed]))"
}

# Test projects in TEST_ORDER, then any other tests/*/*.csproj.
test_projects() {
  local suffix proj
  local -A seen=()
  for suffix in "${TEST_ORDER[@]}" ''; do
    for proj in tests/*"$suffix"/*.csproj; do
      [[ -f $proj && -z ${seen[$proj]:-} ]] || continue
      seen[$proj]=1
      echo "$proj"
    done
  done
}

# The names (Namespace.Class.Method) of the tests that failed in a TRX file, one per line.
failed_methods() {
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$1" \
    | sed -n 's/.* testName="\([^"(]*\).*/\1/p' | sort -u
}

# retry_flaky PROJ NAME TRX [dotnet test args...]
# Browser journeys that failed (at most 3) are run once more, alone; success means every case of them passed then. The first
# failure stays on record: its TRX is kept as NAME.first-attempt.trx and the summary names the tests as flaky.
retry_flaky() {
  local proj=$1 name=$2 trx=$3 filter= method r_passed r_failed r_skipped
  shift 3
  local -a methods
  mapfile -t methods < <(failed_methods "$trx")
  ((${#methods[@]} > 0 && ${#methods[@]} <= 3)) || return 1
  for method in "${methods[@]}"; do filter+="${filter:+|}FullyQualifiedName=$method"; done
  cp "$trx" "$RESULTS_DIR/$name.first-attempt.trx"
  step "dotnet test $name, once more: ${methods[*]}"
  dotnet test "$proj" --no-build -c Release --logger "trx;LogFileName=$name.retry.trx" --results-directory "$RESULTS_DIR" \
    --filter "$filter" "$@" </dev/null || true
  read -r r_passed r_failed r_skipped < <(trx_counts "$RESULTS_DIR/$name.retry.trx" 2>/dev/null) || return 1
  ((r_failed == 0 && r_passed > 0)) || return 1
  summary+=("$name: FLAKY (failed once, then passed when run again alone): ${methods[*]}")
}

# run_tests BUILT [dotnet test args...]
run_tests() {
  local built=$1 proj name trx rc passed failed skipped projects
  shift
  mkdir -p "$RESULTS_DIR"
  mapfile -t projects < <(test_projects)
  ((${#projects[@]} > 0)) || { summary+=("no test projects found in tests/"); total_failed=$((total_failed + 1)); }
  for proj in "${projects[@]}"; do
    name=$(basename "$proj" .csproj)
    trx=$RESULTS_DIR/$name.trx
    rm -f "$trx"
    if [[ -z $built ]]; then
      summary+=("$name: not run (build failed)")
      total_failed=$((total_failed + 1))
      continue
    fi
    step "dotnet test $name"
    rc=0
    # A test host that does not exit (a fixture that never stops) is ended rather than left to run into CI's limit.
    timeout --kill-after=60 "$PROJECT_TIMEOUT" dotnet test "$proj" --no-build -c Release --logger "trx;LogFileName=$name.trx" \
      --results-directory "$RESULTS_DIR" "$@" </dev/null || rc=$?
    if ! read -r passed failed skipped < <(trx_counts "$trx" 2>/dev/null); then
      summary+=("$name: FAILED (no TRX written, dotnet test exit $rc)")
      total_failed=$((total_failed + 1))
      continue
    fi
    if ((failed > 0)) && [[ $name == *EndToEndTests ]] && retry_flaky "$proj" "$name" "$trx" "$@"; then
      passed=$((passed + failed)) failed=0 rc=0
    fi
    if ((rc != 0 && failed == 0)); then
      failed=1
      summary+=("$name: $passed passed, $failed failed, $skipped skipped (dotnet test exit $rc)")
    else
      summary+=("$name: $passed passed, $failed failed, $skipped skipped")
    fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
  done
}

main() {
  # The programme clock of every test (unit, integration, the end-to-end app): SMARTCITY_TEST_NOW or TestNow.Default.
  step "programme clock starts at ${SMARTCITY_TEST_NOW:-2026-11-23T03:00:00Z (default, tests/Shared/TestNow.cs)}"
  ensure_chromium
  start_test_cluster
  export SMARTCITY_TEST_CONNECTION="Host=127.0.0.1;Port=$PORT;Username=$SMARTCITY_ROLE;Password=$SMARTCITY_PASSWORD;Database=postgres"
  export SMARTCITY_CHROMIUM=$CHROMIUM

  local built=
  check tool-restore dotnet tool restore || true
  check build dotnet build SmartCity.sln -c Release && built=1
  if [[ -n $built ]]; then
    check migrations-up-to-date env ConnectionStrings__SmartCity="$SMARTCITY_TEST_CONNECTION" \
      dotnet ef migrations has-pending-model-changes --project src/SmartCity.Web \
      --no-build --configuration Release || true
  else
    summary+=("check migrations-up-to-date: not run (build failed)")
  fi
  check format dotnet format SmartCity.sln --verify-no-changes --no-restore || true

  run_tests "$built" "$@"

  teardown >/dev/null 2>&1
  echo
  echo "==== summary"
  printf '  %s\n' "${summary[@]}"
  echo "  skipped: $total_skipped"
  summary_printed=1
  echo "$total_passed passed, $total_failed failed"
  ((total_failed == 0))
}

main "$@"
