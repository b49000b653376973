#!/bin/sh
# The whole test suite: lint, type-check, unit and integration (real git,
# real PostgreSQL and the embedded database, a real kube-apiserver), then the
# production build in Chromium with Playwright. Installs what it needs first:
# the kube-apiserver is built once from Debian's source (4 to 15 minutes with its apt packages)
# and cached in ~/.cache/berth.
set -eu
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test}"

step() { printf '\n== %s\n' "$1"; }

step "install"
sh scripts/setup.sh
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Installing Chromium from apt..."
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-liberation
fi

step "kube-apiserver (built once, then cached)"
bash scripts/kube/build.sh >/dev/null

step "lint"
npm run --silent lint

step "type-check"
npx tsc --noEmit

step "unit and integration"
npx vitest run

step "build"
npx next build

step "image (the standalone server started as the Dockerfile's CMD, migrations as deploy/'s Job)"
npx tsx scripts/image/smoke.ts

step "e2e (Chromium)"
npx playwright test
