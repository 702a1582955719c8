#!/usr/bin/env bash
# Installs what the queue-mode test (test/queue) needs from Debian's packages: redis-server and
# postgresql. Idempotent: does nothing when both are installed; otherwise `apt-get update` once and
# `apt-get install` of the missing ones. The services are NOT started here (nor by the packages'
# own scripts in containers without systemd): the test runs its own redis-server and postgres on
# loopback, in temporary folders, and stops them afterwards.
#
# Needs root (or sudo without a password). Run by .ci/run before `npm test`.
set -euo pipefail

PACKAGES=(redis-server postgresql)

installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

missing=()
for pkg in "${PACKAGES[@]}"; do
	installed "$pkg" || missing+=("$pkg")
done

have_binaries() {
	command -v redis-server >/dev/null 2>&1 && compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

if [ "${#missing[@]}" -eq 0 ] && have_binaries; then
	echo "[install-queue-deps] already installed: ${PACKAGES[*]}"
	exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO=(sudo -n); else
		echo "[install-queue-deps] need root to install: ${missing[*]:-${PACKAGES[*]}}" >&2
		exit 1
	fi
fi

[ "${#missing[@]}" -eq 0 ] && missing=("${PACKAGES[@]}")
echo "[install-queue-deps] installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
# policy-rc.d-less containers may try to start the services; that is harmless and not relied on.
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"

if ! have_binaries; then
	echo "[install-queue-deps] redis-server or /usr/lib/postgresql/*/bin/postgres still missing after install" >&2
	exit 1
fi
echo "[install-queue-deps] done: $(redis-server --version | head -c 60); $(ls -d /usr/lib/postgresql/*/bin/postgres)"
