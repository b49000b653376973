#!/bin/sh
# Runs Berth on its embedded defaults: a generated sample environments
# repository, the embedded PGlite database and no GitHub or cluster.
set -eu
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
PORT="${PORT:-3000}"

# The demo signs in as sample users, without GitHub. This is a production
# build, so local sign-in must be confirmed loudly; never do this with real data.
export BERTH_LOCAL_SIGNIN=true
export BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION=true
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:${PORT}}"
mkdir -p .berth
if [ ! -f .berth/auth-secret ]; then
  node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64url"))' > .berth/auth-secret
fi
NEXTAUTH_SECRET="$(cat .berth/auth-secret)"
export NEXTAUTH_SECRET

sh scripts/setup.sh

if [ ! -d .berth/sample-environments/.git ]; then
  npm run --silent berth -- sample --out .berth/sample-environments --namespaces 300 --now "$(date -u +%Y-%m-%d)"
fi


if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib public package-lock.json next.config.js -newer .next/BUILD_ID -print -quit)" ]; then
  npx next build
fi

echo ""
echo "Berth is starting at http://localhost:${PORT}"
echo ""
exec npx next start -p "$PORT"
