#!/bin/bash
# Builds a genuine kube-apiserver and kube-controller-manager (Kubernetes
# 1.20.2) from Debian's source package, offline apart from apt, and caches
# them outside the repository. Does nothing when both are already cached
# (and etcd, openssl and curl are installed).
# Prints the cache's bin directory. See docs/kube-apiserver.md.
set -euo pipefail

VERSION=1.20.2
CACHE="${BERTH_KUBE_CACHE:-${HOME}/.cache/berth/kube-${VERSION}}"
BIN="${CACHE}/bin"
GO=/usr/lib/go-1.19/bin/go

die() { echo "kube/build.sh: $*" >&2; exit 1; }
log() { echo "kube/build.sh: $*" >&2; }

if [ -x "${BIN}/kube-apiserver" ] && [ -x "${BIN}/kube-controller-manager" ] \
   && command -v etcd >/dev/null && command -v openssl >/dev/null && command -v curl >/dev/null; then
  echo "${BIN}"
  exit 0
fi

[ "$(id -u)" = 0 ] || die "needs root for apt-get (or prebuilt binaries in ${BIN})"

# apt-get source needs a deb-src entry; Debian's images ship only deb.
if ! grep -rqs '^\(Types:.*deb-src\|deb-src \)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  log "adding a deb-src entry for bookworm main"
  cat > /etc/apt/sources.list.d/berth-debian-src.sources <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

log "installing build dependencies from apt"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || die "apt-get update failed"
apt-get install -y -qq --no-install-recommends \
  golang-1.19 etcd-server openssl curl dpkg-dev make rsync \
  golang-github-modern-go-reflect2-dev golang-github-json-iterator-go-dev \
  >/dev/null || die "apt-get install failed"
[ -x "${GO}" ] || die "${GO} missing after installing golang-1.19"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/berth-kube-build.XXXXXX")"
trap 'rm -rf "${WORK}"' EXIT

log "fetching Debian's kubernetes source into ${WORK}"
(cd "${WORK}" && apt-get source --download-only -qq kubernetes >/dev/null 2>&1) \
  || die "apt-get source kubernetes failed (is a deb-src line for bookworm main configured?)"
DSC="$(ls "${WORK}"/kubernetes_*.dsc 2>/dev/null | head -n1)"
[ -n "${DSC}" ] || die "no kubernetes .dsc downloaded"
# Unpacks the upstream tarball and applies Debian's patches.
dpkg-source -x --no-check "${DSC}" "${WORK}/src" >/dev/null || die "dpkg-source -x failed"
SRC="${WORK}/src"
grep -q "^go.etcd.io\|^module k8s.io/kubernetes" "${SRC}/go.mod" || die "unexpected source layout"

# Note: reflect2 1.0.1 (vendored) reads Go runtime internals that changed in
# Go 1.18; under Go 1.19 the server panics on its first JSON encode. Debian's
# reflect2 1.0.2 and the json-iterator that goes with it fix that. Only the
# sources are swapped; the GOPATH-mode build below does not read
# vendor/modules.txt, which still names the old versions.
replace_vendored() {
  local pkg="$1" from="/usr/share/gocode/src/$1"
  [ -d "${from}" ] || die "${from} missing (Debian -dev package not installed?)"
  rm -rf "${SRC}/vendor/${pkg}"
  mkdir -p "${SRC}/vendor/${pkg}"
  (cd "${from}" && find . -name '*.go' ! -name '*_test.go' ! -path '*_tests/*' ! -path './skip_tests*' \
     -exec cp --parents {} "${SRC}/vendor/${pkg}/" \;)
  cp "${from}/LICENSE" "${SRC}/vendor/${pkg}/" 2>/dev/null || true
}
replace_vendored github.com/modern-go/reflect2
replace_vendored github.com/json-iterator/go
log "replaced vendored reflect2 ($(dpkg-query -W -f='${Version}' golang-github-modern-go-reflect2-dev)) and json-iterator ($(dpkg-query -W -f='${Version}' golang-github-json-iterator-go-dev))"

# Kubernetes 1.20 builds in GOPATH mode from its vendor/ tree (its hack/lib
# sets GO111MODULE=off): in module mode Go 1.19 refuses the 1.20 go.mod
# ("updates to go.mod needed") and GOPROXY=off rules out fixing it. Its make
# also generates the OpenAPI definitions the API server needs, which are not
# in the source tarball, and stamps the version (v1.20.2) from the archive.
export GO111MODULE=off GOPROXY=off GOFLAGS= CGO_ENABLED=0
export GOCACHE="${WORK}/gocache" HOME="${WORK}/home"
export PATH="$(dirname "${GO}"):${PATH}"
mkdir -p "${HOME}"
log "building kube-apiserver and kube-controller-manager with $("${GO}" version | cut -d' ' -f3) (4 to 10 minutes on 2 cores)"
start=$(date +%s)
mkdir -p "${CACHE}"
make -C "${SRC}" WHAT="cmd/kube-apiserver cmd/kube-controller-manager" >"${CACHE}/make.log" 2>&1 || {
  tail -n 30 "${CACHE}/make.log" >&2
  die "make WHAT=cmd/kube-apiserver cmd/kube-controller-manager failed (last lines above; all in ${CACHE}/make.log)"
}
log "built in $(( $(date +%s) - start ))s"
for cmd in kube-apiserver kube-controller-manager; do
  [ -x "${SRC}/_output/bin/${cmd}" ] || die "${SRC}/_output/bin/${cmd} missing after make"
  "${SRC}/_output/bin/${cmd}" --version >&2 || die "${cmd} --version failed"
done

mkdir -p "${BIN}"
for cmd in kube-apiserver kube-controller-manager; do
  # Copy then rename, so a concurrent start.sh never sees half a binary.
  cp "${SRC}/_output/bin/${cmd}" "${BIN}/.${cmd}.tmp" && mv "${BIN}/.${cmd}.tmp" "${BIN}/${cmd}"
done
log "installed into ${BIN}"
echo "${BIN}"
