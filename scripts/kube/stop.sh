#!/bin/bash
# Stops what scripts/kube/start.sh <workdir> started, by its pid files:
# the controller manager, then the API server, then etcd. Leaves <workdir>
# (etcd data, certificates, logs) for inspection or a restart.
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: scripts/kube/stop.sh <workdir>" >&2; exit 2; }
PIDS="$1/pids"
[ -d "${PIDS}" ] || exit 0

for name in kube-controller-manager kube-apiserver etcd; do
  file="${PIDS}/${name}.pid"
  [ -f "${file}" ] || continue
  pid="$(cat "${file}")"
  # Only a live process that is still the one we started (pids get reused).
  if kill -0 "${pid}" 2>/dev/null && tr '\0' ' ' < "/proc/${pid}/cmdline" 2>/dev/null | grep -q "${name}"; then
    kill -TERM "${pid}" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "${pid}" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "${pid}" 2>/dev/null; then
      echo "kube/stop.sh: ${name} (pid ${pid}) ignored SIGTERM for 10s; sending SIGKILL" >&2
      kill -KILL "${pid}" 2>/dev/null || true
    fi
  fi
  rm -f "${file}"
done
