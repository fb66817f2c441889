#!/usr/bin/env bash
# Installs Debian's Chromium for the editor UI check (npm run test:ui), which drives it with
# puppeteer-core (that package downloads no browser). Idempotent: nothing happens when
# /usr/bin/chromium exists. Needs root (CI runs as root) or passwordless sudo.
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-chromium: run as root or install chromium yourself" >&2; exit 1; }
  as_root=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
