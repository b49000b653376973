#!/bin/sh
# Installs what Berth needs from the npm registry (with the committed lockfile)
# and generates the Prisma client. Safe to run repeatedly: it does nothing when
# node_modules is current.
set -eu
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages..."
  # Note: `npm ci` fails for Next 16 here (no other-platform binaries in the registry); install uses the lockfile.
  npm install --no-audit --no-fund
fi

sh scripts/prisma-client.sh
