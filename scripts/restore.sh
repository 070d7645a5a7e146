#!/usr/bin/env bash
# Replace the smartcity database with the contents of a scripts/backup.sh dump.
# Drops the database (terminating open connections), recreates it, restores.
#   scripts/restore.sh FILE
# Env: SMARTCITY_DB (default smartcity), SMARTCITY_PGPORT (default 55432).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

(($# == 1)) || { echo "usage: ${0##*/} FILE" >&2; exit 2; }
file=$1
db=${SMARTCITY_DB:-smartcity}
[[ -r $file ]] || die "cannot read $file"
pg_client_env "${SMARTCITY_PGPORT:-55432}"

# Validate the archive before dropping anything.
"$PG_BIN/pg_restore" --list "$file" >/dev/null || die "$file is not a pg_dump custom-format archive"

"$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d postgres -v db="$db" -v owner="$PGUSER" <<'SQL'
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
CREATE DATABASE :"db" OWNER :"owner" TEMPLATE template0;
SQL
log "dropped and recreated database $db on $PGHOST:$PGPORT"

"$PG_BIN/pg_restore" --clean --if-exists --no-owner --single-transaction -d "$db" "$file"
log "restored $file into database $db"
