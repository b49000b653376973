#!/bin/bash
# Smoke check of a control plane started by scripts/kube/start.sh <workdir>,
# over HTTP with curl only: the API server stores and lists objects, RBAC
# keeps the viewer read-only, and the controller manager turns a Deployment
# into a ReplicaSet and a Pod. Exits 0 only when all of that happened.
set -euo pipefail

fail() { echo "kube/smoke.sh: FAIL: $*" >&2; exit 1; }
ok() { echo "kube/smoke.sh: ok   $* ($(( ($(date +%s%N) - t0) / 1000000 )) ms)"; }

[ $# -eq 1 ] || { echo "usage: scripts/kube/smoke.sh <workdir>" >&2; exit 2; }
[ -f "$1/env" ] || fail "$1/env missing; start the control plane with scripts/kube/start.sh $1"
# shellcheck disable=SC1091
. "$1/env"
TIMEOUT="${BERTH_KUBE_SMOKE_TIMEOUT:-60}"
NS="berth-smoke-$(date +%s)-$$"
BODY="$(mktemp)"
trap 'rm -f "${BODY}"' EXIT

# <token> <method> <path> [json]: the body goes to ${BODY}, the status to stdout.
# Not curl's own user agent: the API server pretty-prints JSON for curl, and
# the greps below expect it compact, as real clients get it.
call() {
  curl -sS --max-time 10 -A berth-kube-smoke -o "${BODY}" -w '%{http_code}' --cacert "${KUBE_CA_FILE}" \
    -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -X "$2" "${KUBE_API_URL}$3" ${4:+--data "$4"}
}
expect() { # <status> <description> <token> <method> <path> [json]
  local want="$1" what="$2" got; shift 2
  got="$(call "$@")" || fail "${what}: curl failed"
  [ "${got}" = "${want}" ] || fail "${what}: HTTP ${got}, expected ${want}: $(head -c 300 "${BODY}")"
}
poll() { # <description> <grep pattern> <path>: until the admin's GET of path matches
  local deadline=$(( $(date +%s) + TIMEOUT ))
  until [ "$(call "${KUBE_ADMIN_TOKEN}" GET "$3")" = 200 ] && grep -q "$2" "${BODY}"; do
    [ "$(date +%s)" -lt "${deadline}" ] || fail "$1: not there after ${TIMEOUT}s"
    sleep 0.2
  done
}

t0=$(date +%s%N)
expect 200 "GET /version" "${KUBE_ADMIN_TOKEN}" GET /version
grep -q '"gitVersion": *"v1.20.2"' "${BODY}" || fail "unexpected /version: $(cat "${BODY}")"
ok "API server answers: $(grep -o '"gitVersion": *"[^"]*"' "${BODY}")"

expect 201 "create namespace ${NS}" "${KUBE_ADMIN_TOKEN}" POST /api/v1/namespaces \
  "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"${NS}\"}}"
ok "created namespace ${NS}"

expect 201 "create Deployment" "${KUBE_ADMIN_TOKEN}" POST "/apis/apps/v1/namespaces/${NS}/deployments" '{
  "apiVersion": "apps/v1", "kind": "Deployment",
  "metadata": { "name": "smoke", "labels": { "app": "smoke" } },
  "spec": {
    "replicas": 1,
    "selector": { "matchLabels": { "app": "smoke" } },
    "template": {
      "metadata": { "labels": { "app": "smoke" } },
      "spec": { "containers": [ { "name": "app", "image": "registry.invalid/berth-smoke:1" } ] }
    }
  }
}'
ok "created Deployment ${NS}/smoke"

poll "ReplicaSet owned by the Deployment" '"kind":"Deployment","name":"smoke"' \
  "/apis/apps/v1/namespaces/${NS}/replicasets?labelSelector=app%3Dsmoke"
ok "controller manager created ReplicaSet $(grep -o '"name":"smoke-[a-z0-9]*"' "${BODY}" | head -n1 | cut -d'"' -f4)"

poll "Pod owned by the ReplicaSet" '"kind":"ReplicaSet","name":"smoke-' \
  "/api/v1/namespaces/${NS}/pods?labelSelector=app%3Dsmoke"
ok "controller manager created Pod $(grep -o '"name":"smoke-[a-z0-9]*-[a-z0-9]*"' "${BODY}" | head -n1 | cut -d'"' -f4) (Pending: no nodes or scheduler)"

expect 201 "create Secret" "${KUBE_ADMIN_TOKEN}" POST "/api/v1/namespaces/${NS}/secrets" \
  '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"smoke-secret"},"type":"Opaque","stringData":{"password":"not-a-real-one"}}'
expect 200 "list Secrets" "${KUBE_ADMIN_TOKEN}" GET "/api/v1/namespaces/${NS}/secrets"
grep -q '"name":"smoke-secret"' "${BODY}" || fail "smoke-secret not in the list: $(head -c 300 "${BODY}")"
ok "created and listed Secret smoke-secret"

expect 200 "viewer lists Deployments" "${KUBE_VIEWER_TOKEN}" GET "/apis/apps/v1/namespaces/${NS}/deployments"
expect 403 "viewer lists Secrets" "${KUBE_VIEWER_TOKEN}" GET "/api/v1/namespaces/${NS}/secrets"
expect 403 "viewer creates a ConfigMap" "${KUBE_VIEWER_TOKEN}" POST "/api/v1/namespaces/${NS}/configmaps" \
  '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"nope"}}'
expect 401 "unknown token" "not-a-token" GET /api/v1/namespaces
ok "viewer reads workloads, is refused Secrets and writes; unknown tokens are refused"

expect 200 "delete namespace ${NS}" "${KUBE_ADMIN_TOKEN}" DELETE "/api/v1/namespaces/${NS}"
ok "deleted namespace ${NS} (the namespace controller removes its contents)"
echo "kube/smoke.sh: all checks passed"
