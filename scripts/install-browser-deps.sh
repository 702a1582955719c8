#!/usr/bin/env bash
# Installs what the browser suite (test/browser) needs from Debian's packages: chromium, which
# playwright-core drives (Playwright's own browser download cannot reach its CDN from our machines),
# and the fonts the editor's text is measured and drawn with (without them labels render as boxes
# and the screenshots are useless). Idempotent: does nothing when all are installed; otherwise
# `apt-get update` once and `apt-get install --no-install-recommends` of the missing ones.
#
# Needs root (or sudo without a password). Run by .ci/run before `npm test`; the suite's
# globalSetup runs it too when it runs as root and something is missing.
set -euo pipefail

PACKAGES=(chromium fonts-liberation fonts-dejavu-core)

installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

missing=()
for pkg in "${PACKAGES[@]}"; do
	installed "$pkg" || missing+=("$pkg")
done

if [ "${#missing[@]}" -eq 0 ] && [ -x /usr/bin/chromium ]; then
	echo "[install-browser-deps] already installed: ${PACKAGES[*]}"
	exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
		echo "[install-browser-deps] need root to install: ${missing[*]:-${PACKAGES[*]}}" >&2
		echo "[install-browser-deps] as root: apt-get update && apt-get install --no-install-recommends ${PACKAGES[*]}" >&2
		exit 1
	fi
fi

[ "${#missing[@]}" -eq 0 ] && missing=("${PACKAGES[@]}")
echo "[install-browser-deps] installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"

if [ ! -x /usr/bin/chromium ]; then
	echo "[install-browser-deps] /usr/bin/chromium still missing after install" >&2
	exit 1
fi
echo "[install-browser-deps] done: $(/usr/bin/chromium --version 2>/dev/null | head -c 80)"
