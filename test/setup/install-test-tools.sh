#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, from Debian's archive, so that a fresh
# machine passes `npm test` with no manual step. Each tool is installed only when missing.
# Chromium: the browser tests drive Debian's build through playwright-core (never a download of
# Playwright's own browser, which this network refuses).
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "test set-up: installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n)
  else
    echo "test set-up: ${missing[*]} missing and not root (no sudo); install them with apt-get, or run as root" >&2
    exit 1
  fi
else
  SUDO=()
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq "${missing[@]}"
echo "test set-up: installed ${missing[*]}"
