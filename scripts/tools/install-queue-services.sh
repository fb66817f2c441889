#!/usr/bin/env bash
# Installs Redis and PostgreSQL from Debian's packages for `npm run test:queue`, if they are not
# there yet, and prints two lines: the PostgreSQL bin directory (initdb, postgres, pg_isready),
# then the redis-server binary. Idempotent: apt runs only for what is missing. Neither this script
# nor the packages' install starts a server, and no system service is used: the run starts its own
# on 127.0.0.1 with data in a temporary folder (test/e2e/queue/services.ts).
set -euo pipefail

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
pg_bin="$(postgres_bin)"
[[ -n "$pg_bin" && -x "$pg_bin/initdb" && -x "$pg_bin/postgres" && -x "$pg_bin/pg_isready" ]] || missing+=(postgresql)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)

if ((${#missing[@]} > 0)); then
  as_root=()
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "install-queue-services: need root (or sudo) to apt-get install ${missing[*]}" >&2; exit 1; }
    as_root=(sudo -n)
  fi
  exec 9>/tmp/ecomail-bridge-queue-services.lock
  flock -w 600 9 || { echo "install-queue-services: timed out waiting for the install lock" >&2; exit 1; }
  started=$SECONDS
  # Debian starts a package's service on install unless policy-rc.d says no (containers usually
  # have one): this run starts its own servers and must not leave a system one running.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${as_root[@]}" chmod 755 /usr/sbin/policy-rc.d
    trap '"${as_root[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  "${as_root[@]}" apt-get update -qq >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  echo "install-queue-services: installed ${missing[*]} in $((SECONDS - started)) s" >&2
  pg_bin="$(postgres_bin)"
fi

printf '%s\n%s\n' "$pg_bin" "$(command -v redis-server)"
