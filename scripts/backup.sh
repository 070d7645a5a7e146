#!/usr/bin/env bash
# Dump the smartcity database (custom format) to FILE.
#   scripts/backup.sh FILE
# Env: SMARTCITY_DB (default smartcity), SMARTCITY_PGPORT (default 55432).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

(($# == 1)) || { echo "usage: ${0##*/} FILE" >&2; exit 2; }
file=$1
db=${SMARTCITY_DB:-smartcity}
pg_client_env "${SMARTCITY_PGPORT:-55432}"

"$PG_BIN/pg_dump" -Fc -d "$db" -f "$file"
log "dumped database $db from $PGHOST:$PGPORT to $file ($(du -h "$file" | cut -f1))"
