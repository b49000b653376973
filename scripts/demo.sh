#!/bin/sh
# Runs Berth on its embedded defaults: a generated sample environments
# repository, the embedded PGlite database, no GitHub, and Berth's own sample
# Kubernetes API server in place of a cluster (a pod of dps-activities-worker-dev
# restarts every 20 seconds; merges are applied 10 seconds after they land).
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


if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib public package-lock.json next.config.js -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
  npx next build
fi

# Berth runs as the image runs it (Dockerfile): the standalone server with the static files beside it, and the
# migrator (migrate/), with which it migrates the embedded database at start.
if [ ! -f .next/standalone/migrate/package.json ] || [ .next/BUILD_ID -nt .next/standalone/migrate/package.json ]; then
  rm -rf .next/standalone/.next/static .next/standalone/public
  cp -R .next/static .next/standalone/.next/static
  if [ -d public ]; then cp -R public .next/standalone/public; fi
  node scripts/image/copy-migrator.mjs .next/standalone/migrate >/dev/null
fi
# The standalone server works in its own folder: paths in settings are made absolute here.
absolute() { case "$1" in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$(pwd)" "$1" ;; esac; }
BERTH_DATA_DIR="$(absolute "${BERTH_DATA_DIR:-.berth}")"
BERTH_ENVIRONMENTS_REPO="$(absolute "${BERTH_ENVIRONMENTS_REPO:-.berth/sample-environments}")"
export BERTH_DATA_DIR BERTH_ENVIRONMENTS_REPO
if [ -n "${BERTH_PROFILE:-}" ]; then BERTH_PROFILE="$(absolute "${BERTH_PROFILE}")"; export BERTH_PROFILE; fi

# The sample cluster runs beside Berth and stops with it.
SAMPLE_PORT="${BERTH_SAMPLE_CLUSTER_PORT:-3111}"
rm -f .berth/sample-cluster.kubeconfig
node_modules/.bin/tsx lib/cli/main.ts sample-cluster --repo .berth/sample-environments --port "${SAMPLE_PORT}" \
  --kubeconfig .berth/sample-cluster.kubeconfig --churn-seconds 20 --churn-namespace dps-activities-worker-dev --apply-seconds 10 &
SAMPLE_CLUSTER=$!
trap 'kill "${SAMPLE_CLUSTER}" 2>/dev/null || true' EXIT INT TERM
BERTH_KUBECONFIG="$(absolute .berth/sample-cluster.kubeconfig)"
export BERTH_KUBECONFIG
sample_up() {
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:${SAMPLE_PORT}/_sample/health"
}
until [ -f "${BERTH_KUBECONFIG}" ] && sample_up; do
  kill -0 "${SAMPLE_CLUSTER}" 2>/dev/null || { echo "The sample cluster did not start" >&2; exit 1; }
  sleep 0.2
done

echo ""
echo "Berth is starting at http://localhost:${PORT}"
echo ""
# Note: on every interface, as `next start` did; HOSTNAME is often the machine's name, which server.js would bind to.
HOSTNAME=0.0.0.0 PORT="${PORT}" node .next/standalone/server.js
