#!/bin/bash
# Starts a throwaway Kubernetes control plane for integration tests: etcd,
# kube-apiserver and kube-controller-manager, all on 127.0.0.1 only, with
# state, certificates, tokens, logs and pid files under <workdir>. Waits until
# the API server is ready and the controller manager is working, then writes
# <workdir>/kubeconfig (admin) and <workdir>/env and prints the kubeconfig's
# path. Stop with scripts/kube/stop.sh <workdir>. See docs/kube-apiserver.md.
#
# Ports are free ones chosen at start unless given: BERTH_KUBE_API_PORT,
# BERTH_KUBE_ETCD_PORT, BERTH_KUBE_ETCD_PEER_PORT. Binaries come from
# ${BERTH_KUBE_CACHE:-~/.cache/berth/kube-1.20.2}/bin (scripts/kube/build.sh).
set -euo pipefail

die() { echo "kube/start.sh: $*" >&2; exit 1; }
log() { echo "kube/start.sh: $*" >&2; }

[ $# -eq 1 ] || die "usage: scripts/kube/start.sh <workdir>"
case "$1" in *[\'\"\\$'\n']*) die "workdir must not contain quotes, backslashes or newlines" ;; esac
mkdir -p "$1"
WORKDIR="$(cd "$1" && pwd)"
BIN="${BERTH_KUBE_CACHE:-${HOME}/.cache/berth/kube-1.20.2}/bin"
TIMEOUT="${BERTH_KUBE_START_TIMEOUT:-90}"

for tool in etcd openssl curl node; do
  command -v "${tool}" >/dev/null || die "${tool} not found; run scripts/kube/build.sh (it installs etcd-server, openssl and curl)"
done
for cmd in kube-apiserver kube-controller-manager; do
  [ -x "${BIN}/${cmd}" ] || die "${BIN}/${cmd} missing; run scripts/kube/build.sh first (4 to 15 minutes, once)"
done

PIDS="${WORKDIR}/pids"
LOGS="${WORKDIR}/logs"
PKI="${WORKDIR}/pki"
mkdir -p "${PIDS}" "${LOGS}" "${PKI}"
chmod 700 "${WORKDIR}" "${PKI}"

for name in etcd kube-apiserver kube-controller-manager; do
  if [ -f "${PIDS}/${name}.pid" ] && kill -0 "$(cat "${PIDS}/${name}.pid")" 2>/dev/null; then
    die "${name} is already running for ${WORKDIR} (pid $(cat "${PIDS}/${name}.pid")); run scripts/kube/stop.sh ${WORKDIR} first"
  fi
done

# On any failure from here on, stop what this run started and show its logs.
started=0
on_exit() {
  local rc=$?
  if [ "${rc}" -ne 0 ] && [ "${started}" -eq 1 ]; then
    for name in etcd kube-apiserver kube-controller-manager; do
      [ -f "${LOGS}/${name}.log" ] && { echo "--- last lines of ${LOGS}/${name}.log" >&2; tail -n 15 "${LOGS}/${name}.log" >&2; }
    done
    "$(dirname "$0")/stop.sh" "${WORKDIR}" >&2 || true
  fi
}
trap on_exit EXIT
trap 'exit 1' INT TERM HUP

free_port() {
  node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})'
}
API_PORT="${BERTH_KUBE_API_PORT:-$(free_port)}"
ETCD_PORT="${BERTH_KUBE_ETCD_PORT:-$(free_port)}"
ETCD_PEER_PORT="${BERTH_KUBE_ETCD_PEER_PORT:-$(free_port)}"
[ "${ETCD_PORT}" != "${ETCD_PEER_PORT}" ] || ETCD_PEER_PORT="$(free_port)"
API_URL="https://127.0.0.1:${API_PORT}"
ETCD_URL="http://127.0.0.1:${ETCD_PORT}"

# Certificates and keys are made once per workdir and reused on restart.
if [ ! -f "${PKI}/ca.crt" ]; then
  log "generating a CA, a serving certificate and the service-account key pair"
  (
    cd "${PKI}"
    umask 077
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -keyout ca.key -out ca.crt \
      -subj "/CN=berth-test-kubernetes-ca" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout apiserver.key -out apiserver.csr -subj "/CN=kube-apiserver" 2>/dev/null
    printf '%s\n' \
      "basicConstraints=CA:FALSE" \
      "keyUsage=critical,digitalSignature,keyEncipherment" \
      "extendedKeyUsage=serverAuth" \
      "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:10.96.0.1" \
      > apiserver.ext
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
      -extfile apiserver.ext -out apiserver.crt 2>/dev/null
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
    rm -f apiserver.csr apiserver.ext
    chmod 644 ca.crt apiserver.crt sa.pub
  ) || die "openssl failed to generate the certificates"
fi

# Static bearer tokens (kube-apiserver --token-auth-file: token,user,uid,"groups").
# Note: tests only; the file and the env file are readable by the owner only.
if [ ! -f "${PKI}/tokens.csv" ]; then
  (
    umask 077
    {
      echo "$(openssl rand -hex 24),berth-admin,berth-admin,\"system:masters\""
      echo "$(openssl rand -hex 24),berth-viewer,berth-viewer,\"berth:viewers\""
      echo "$(openssl rand -hex 24),system:kube-controller-manager,system:kube-controller-manager"
    } > "${PKI}/tokens.csv"
  )
fi
token_of() { awk -F, -v u="$1" '$2 == u { print $1 }' "${PKI}/tokens.csv"; }
ADMIN_TOKEN="$(token_of berth-admin)"
VIEWER_TOKEN="$(token_of berth-viewer)"
KCM_TOKEN="$(token_of system:kube-controller-manager)"

write_kubeconfig() { # <file> <user> <token>
  (
    umask 077
    cat > "$1" <<KC
apiVersion: v1
kind: Config
clusters:
- name: berth-test
  cluster:
    server: ${API_URL}
    certificate-authority-data: $(base64 -w0 "${PKI}/ca.crt")
users:
- name: $2
  user:
    token: $3
contexts:
- name: $2
  context:
    cluster: berth-test
    user: $2
current-context: $2
KC
  )
}
write_kubeconfig "${WORKDIR}/controller-manager.kubeconfig" system:kube-controller-manager "${KCM_TOKEN}"

spawn() { # <name> <command...>: detached from our stdio so callers reading our output are not held open
  local name="$1"; shift
  nohup "$@" </dev/null >>"${LOGS}/${name}.log" 2>&1 &
  echo $! > "${PIDS}/${name}.pid"
  started=1
}
alive() { kill -0 "$(cat "${PIDS}/$1.pid")" 2>/dev/null || die "$1 exited; see ${LOGS}/$1.log"; }
deadline=$(( $(date +%s) + TIMEOUT ))
wait_for() { # <what> <process> <command...>: polls until the command succeeds
  local what="$1" proc="$2"; shift 2
  until "$@" >/dev/null 2>&1; do
    alive "${proc}"
    [ "$(date +%s)" -lt "${deadline}" ] || die "timed out after ${TIMEOUT}s waiting for ${what}"
    sleep 0.2
  done
}

t0=$(date +%s%N)
log "starting etcd on 127.0.0.1:${ETCD_PORT}"
spawn etcd etcd --name berth-test --data-dir "${WORKDIR}/etcd" \
  --listen-client-urls "${ETCD_URL}" --advertise-client-urls "${ETCD_URL}" \
  --listen-peer-urls "http://127.0.0.1:${ETCD_PEER_PORT}" \
  --initial-advertise-peer-urls "http://127.0.0.1:${ETCD_PEER_PORT}" \
  --initial-cluster "berth-test=http://127.0.0.1:${ETCD_PEER_PORT}" \
  --logger zap --log-level warn
wait_for "etcd /health" etcd sh -c "curl -fsS --max-time 5 '${ETCD_URL}/health' | grep -q '\"health\":\"true\"'"

# The audit log records pod log requests only (their URI, not their output): the API server
# has no kubelet to serve logs from, so tests check the request Berth made there.
printf '%s\n' 'apiVersion: audit.k8s.io/v1' 'kind: Policy' 'omitStages: ["RequestReceived"]' 'rules:' \
  '  - level: Metadata' '    resources: [{ group: "", resources: ["pods/log"] }]' '  - level: None' > "${WORKDIR}/audit-policy.yaml"

log "starting kube-apiserver on ${API_URL}"
spawn kube-apiserver "${BIN}/kube-apiserver" \
  --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="${API_PORT}" --insecure-port=0 \
  --etcd-servers="${ETCD_URL}" \
  --tls-cert-file="${PKI}/apiserver.crt" --tls-private-key-file="${PKI}/apiserver.key" \
  --client-ca-file="${PKI}/ca.crt" \
  --token-auth-file="${PKI}/tokens.csv" --anonymous-auth=false \
  --authorization-mode=Node,RBAC \
  --service-account-issuer=https://kubernetes.default.svc \
  --service-account-key-file="${PKI}/sa.pub" \
  --service-account-signing-key-file="${PKI}/sa.key" \
  --service-cluster-ip-range=10.96.0.0/24 \
  --audit-policy-file="${WORKDIR}/audit-policy.yaml" --audit-log-path="${LOGS}/audit.log" \
  --cert-dir="${PKI}" --profiling=false --v=1
readyz() { [ "$(curl -sS --max-time 5 --cacert "${PKI}/ca.crt" -H "Authorization: Bearer ${ADMIN_TOKEN}" "${API_URL}/readyz")" = ok ]; }
wait_for "kube-apiserver /readyz" kube-apiserver readyz

# The viewer reads everything the built-in "view" role allows (not Secrets).
api() { # <method> <path> [json body]: prints the HTTP status
  curl -sS --max-time 10 -o /dev/null -w '%{http_code}' --cacert "${PKI}/ca.crt" -H "Authorization: Bearer ${ADMIN_TOKEN}" \
    -H 'Content-Type: application/json' -X "$1" "${API_URL}$2" ${3:+--data "$3"}
}
status=$(api POST /apis/rbac.authorization.k8s.io/v1/clusterrolebindings \
  '{"metadata":{"name":"berth-viewers"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},"subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"Group","name":"berth:viewers"}]}')
case "${status}" in 201|409) ;; *) die "creating the berth-viewers ClusterRoleBinding answered ${status}" ;; esac

log "starting kube-controller-manager"
# Secure serving off (--secure-port=0, --port=0): it needs no listener at all.
spawn kube-controller-manager "${BIN}/kube-controller-manager" \
  --kubeconfig="${WORKDIR}/controller-manager.kubeconfig" \
  --bind-address=127.0.0.1 --secure-port=0 --port=0 \
  --leader-elect=false --use-service-account-credentials=true \
  --service-account-private-key-file="${PKI}/sa.key" --root-ca-file="${PKI}/ca.crt" \
  --service-cluster-ip-range=10.96.0.0/24 --allocate-node-cidrs=false \
  --profiling=false --v=1
# Pods can be admitted once the namespace's default ServiceAccount has its token,
# which the controller manager creates: the sign that it is working.
sa_ready() {
  curl -fsS --max-time 5 --cacert "${PKI}/ca.crt" -H "Authorization: Bearer ${ADMIN_TOKEN}" \
    "${API_URL}/api/v1/namespaces/default/serviceaccounts/default" | grep -q '"secrets"'
}
wait_for "kube-controller-manager (default ServiceAccount token)" kube-controller-manager sa_ready
# "view" is an aggregated ClusterRole: its rules are empty until the controller manager's aggregation
# controller copies them in, and until then the viewer is refused everything (403). A loaded machine
# shows that gap, so the viewer must actually read before the cluster counts as ready.
viewer_reads() {
  [ "$(curl -sS -o /dev/null -w '%{http_code}' --max-time 5 --cacert "${PKI}/ca.crt" -H "Authorization: Bearer ${VIEWER_TOKEN}" \
    "${API_URL}/api/v1/namespaces/default/pods")" = 200 ]
}
wait_for "the view role's rules (aggregated by kube-controller-manager)" kube-controller-manager viewer_reads

write_kubeconfig "${WORKDIR}/kubeconfig" berth-admin "${ADMIN_TOKEN}"
write_kubeconfig "${WORKDIR}/viewer.kubeconfig" berth-viewer "${VIEWER_TOKEN}"
(
  umask 077
  cat > "${WORKDIR}/env" <<ENV
KUBE_API_URL='${API_URL}'
KUBE_CA_FILE='${PKI}/ca.crt'
KUBE_ADMIN_TOKEN='${ADMIN_TOKEN}'
KUBE_VIEWER_TOKEN='${VIEWER_TOKEN}'
KUBECONFIG='${WORKDIR}/kubeconfig'
KUBE_VIEWER_KUBECONFIG='${WORKDIR}/viewer.kubeconfig'
KUBE_ETCD_URL='${ETCD_URL}'
ENV
)
log "ready in $(( ($(date +%s%N) - t0) / 1000000 )) ms: ${API_URL} (env: ${WORKDIR}/env)"
echo "${WORKDIR}/kubeconfig"
