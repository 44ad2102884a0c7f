#!/usr/bin/env bash
# Runs browser-tests/: the <tmall-compare> widget and GraphiQL in Debian's Chromium
# (playwright-core, never Playwright's own browser download) against the gateway jar on its
# embedded upstreams. Installs Chromium with apt-get when it is missing (as root) and the
# npm packages from the lock file; builds the jar if there is none. Screenshots and the
# gateways' logs go to target/browser-tests/.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
"${CHROMIUM:-/usr/bin/chromium}" --version

if ! ls target/tmall-aliexpress-gateway-*.jar >/dev/null 2>&1; then
	mvn -B -q -DskipTests package
fi

# the lock file names packages and their integrity, never where they were downloaded from
if grep -nE '"resolved"|https?://' browser-tests/package-lock.json; then
	echo "browser-tests/package-lock.json records download addresses: regenerate it with browser-tests/.npmrc" >&2
	exit 1
fi

cd browser-tests
npm ci --no-audit --no-fund --loglevel=error
npm test
