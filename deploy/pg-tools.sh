# Sourced by the backup scripts: PostgreSQL's client tools from MONBUREAU_PG_BIN, Debian's newest, or PATH.
if [ -n "${MONBUREAU_PG_BIN:-}" ]; then
  PG_BIN="$MONBUREAU_PG_BIN/"
elif newest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)" && [ -n "$newest" ]; then
  PG_BIN="$newest/"
else
  PG_BIN=""
fi
