#!/usr/bin/env bash
# Starts the portal with demo data against the local cluster (scripts/db.sh).
#   scripts/run.sh [extra dotnet run args]
# Env: SMARTCITY_PORT (default 5000), SMARTCITY_PGPORT (default 55432), SMARTCITY_PGDATA.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SMARTCITY_REPO"

PGPORT=${SMARTCITY_PGPORT:-55432}
URL=http://127.0.0.1:${SMARTCITY_PORT:-5000}
DEMO_PASSWORD='SmartCity-Demo-2026!'

dotnet tool restore >/dev/null
scripts/db.sh start

cat <<TABLE

SmartCity portal: $URL
Demo accounts (password for all: $DEMO_PASSWORD)
  username             role
  -------------------  ------------------------------------------
  admin                Admin (programme secretariat)
  penilai1             KominfoAssessor
  penilai2             KominfoAssessor
  diskominfo.jepara    DiskominfoStaff, Jepara
  verifikator.jepara   DiskominfoStaff + verifier, Jepara
  bappeda.jepara       BappedaPlanner, Jepara
  bappeda.jombang      BappedaPlanner, Jombang
  diskominfo.jombang   DiskominfoStaff, Jombang
  diskominfo.pemalang  DiskominfoStaff, Pemalang

TABLE

export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS=$URL
export ConnectionStrings__SmartCity="Host=127.0.0.1;Port=$PGPORT;Database=smartcity;Username=$SMARTCITY_ROLE;Password=$SMARTCITY_PASSWORD"
export Database__MigrateOnStartup=true
export Database__SeedDemoData=true
exec dotnet run --project src/SmartCity.Web -c Debug --no-launch-profile "$@"
