#!/usr/bin/env bash
# Proves a backup restores: into a fresh database next to the given one, then every event and every read-model row
# the archive holds must be there. Exits non-zero on the first difference; drops the scratch database unless --keep.
# usage: deploy/restore-check.sh BACKUP_FILE postgresql://user:password@host:port/any-database [--keep]
set -euo pipefail
source "$(dirname "$0")/pg-tools.sh"
[ $# -ge 2 ] || { echo "usage: $0 BACKUP_FILE SERVER_URI [--keep]" >&2; exit 2; }
backup="$1"; server="$2"; keep="${3:-}"
scratch="monbureau_restore_check_$(date +%Y%m%d%H%M%S)"
base="${server%/*}"
target="$base/$scratch"
psql() { "${PG_BIN}psql" -v ON_ERROR_STOP=1 -X -q -t -A "$@"; }

psql "$server" -c "create database $scratch"
trap '[ "$keep" = "--keep" ] || psql "$server" -c "drop database if exists $scratch" >/dev/null' EXIT
"${PG_BIN}pg_restore" --no-owner --exit-on-error --dbname="$target" "$backup"

# Rows in the archive, per table: the data section's COPY blocks, one line per row (newlines inside values are escaped).
archived() {
  "${PG_BIN}pg_restore" --data-only --schema="$1" --table="$2" --file=- "$backup" \
    | awk '/^COPY /{inside=1; next} /^\\\.$/{inside=0} inside{n++} END{print n+0}'
}

failures=0
schema="$(psql "$target" -c "select table_schema from information_schema.tables where table_name = 'mt_events' limit 1")"
[ -n "$schema" ] || { echo "restore-check: no event table in the restored database" >&2; exit 1; }
for table in mt_events mt_streams $(psql "$target" -c "select table_name from information_schema.tables where table_schema = '$schema' and table_name like 'mt_doc_%' order by 1"); do
  expected="$(archived "$schema" "$table")"
  actual="$(psql "$target" -c "select count(*) from \"$schema\".\"$table\"")"
  if [ "$expected" != "$actual" ]; then
    echo "restore-check: $schema.$table has $actual rows, the backup holds $expected" >&2
    failures=$((failures + 1))
  fi
done
events="$(psql "$target" -c "select count(*) from \"$schema\".mt_events")"
[ "$failures" -eq 0 ] || exit 1
echo "restore-check: $events events and every read model restored into $scratch${keep:+ (kept)}"
