#!/usr/bin/env bash
# Backs up the whole MonBureau database (events, read models, durable messages, sealed personal data and its
# wrapped keys) into one pg_dump archive. The master key is NOT in it: keep it apart (docs/backup.md).
# usage: deploy/backup.sh postgresql://user:password@host:port/database monbureau-YYYYMMDD.dump
set -euo pipefail
source "$(dirname "$0")/pg-tools.sh"
[ $# -eq 2 ] || { echo "usage: $0 DATABASE_URI BACKUP_FILE" >&2; exit 2; }
"${PG_BIN}pg_dump" --format=custom --no-owner --file="$2" "$1"
echo "backup: $2 ($(du -h "$2" | cut -f1))"
