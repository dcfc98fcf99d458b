#!/usr/bin/env bash
# Nightly backup of the central database: a custom-format pg_dump, checked, old ones pruned.
set -euo pipefail
umask 077  # password hashes and phone numbers are in the dump
: "${PAHT_BACKUP_DSN:?set in /etc/paht/central.env}"
dir=${PAHT_BACKUP_DIR:-/var/backups/paht}
keep=${PAHT_BACKUP_KEEP_DAYS:-14}
mkdir -p "$dir"
file="$dir/paht-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump --format=custom --compress=6 --file="$file.part" "$PAHT_BACKUP_DSN"
# A dump whose table of contents cannot be read is no backup: fail loudly, keep the old ones.
pg_restore --list "$file.part" >/dev/null
mv "$file.part" "$file"
find "$dir" -name 'paht-*.dump' -mtime +"$keep" -delete
echo "backup: $file ($(du -h "$file" | cut -f1))"
