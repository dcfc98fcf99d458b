#!/usr/bin/env bash
# Starts the local PostgreSQL cluster and creates the test role and database (idempotent).
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
cluster=$(pg_lsclusters -h 2>/dev/null | awk -v v="$version" '$1==v {print $2; exit}')
if [[ -z $cluster ]]; then pg_createcluster "$version" main >/dev/null; cluster=main; fi
pg_ctlcluster "$version" "$cluster" start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='paht'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE paht LOGIN PASSWORD 'paht'\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='paht_test'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE DATABASE paht_test OWNER paht\""
# Benchmarks (central_load) build a seeded database once and copy it as a template per run.
su postgres -c "psql -qc \"ALTER ROLE paht CREATEDB\""
