#!/usr/bin/env bash
# Installs n8n 2.40.7 on Node 24 into $HOME/.cache/ecomail-bridge/n8n-2.40.7 (about 3 GB) and
# prints two lines: the Node 24 bin directory, then the n8n entry script to run with that node.
# Recipe and reasons: docs/n8n-platform.md §8.3.
# Idempotent: the marker file is written only after a complete install, so an interrupted run
# is redone from scratch next time; a lock serialises concurrent runs.
set -euo pipefail

n8n_version="2.40.7"      # pinned: the version the spec's recipe was proven with
node_version="24.21.0"    # n8n 2.x requires Node >= 24
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${ECOMAIL_BRIDGE_CACHE:-$HOME/.cache/ecomail-bridge}"
target="$cache_root/n8n-$n8n_version"
marker="$target/.installed"
entry="$target/node_modules/n8n/bin/n8n"

node_bin="$("$here/install-node.sh" "$node_version")"

mkdir -p "$cache_root"
exec 9>"$cache_root/n8n-$n8n_version.lock"
flock -w 1200 9 || { echo "install-n8n: timed out waiting for the install lock" >&2; exit 1; }

if [[ ! -f "$marker" ]]; then
  started=$SECONDS
  rm -rf "$target"
  mkdir -p "$target"
  printf '{"name":"n8n-%s-holder","private":true,"dependencies":{"n8n":"%s"}}\n' \
    "$n8n_version" "$n8n_version" > "$target/package.json"
  # npm runs on Node 24 and native builds use Node 24's headers, whatever ~/.npmrc says.
  export PATH="$node_bin:$PATH"
  export npm_config_nodedir="$(dirname "$node_bin")"
  cd "$target"
  # --ignore-scripts: some optional native parts (kafka, oracledb) try to download binaries,
  # which fails offline and makes npm roll back the whole install. Only sqlite3 is needed.
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
  npm rebuild sqlite3 --foreground-scripts >&2
  node -e "require('sqlite3')" >&2
  node "$entry" --version >&2
  date -u +%FT%TZ > "$marker"
  echo "install-n8n: installed n8n $n8n_version in $((SECONDS - started)) s" >&2
fi

printf '%s\n%s\n' "$node_bin" "$entry"
