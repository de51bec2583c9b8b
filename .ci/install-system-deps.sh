#!/usr/bin/env bash
# System packages the tests need, installed only when missing (running it again does
# nothing): Debian's Chromium and ChromeDriver for the browser tests (Playwright cannot
# download its own browser here), and Virtuoso, the second real SPARQL store the load
# tests start on 127.0.0.1 with a database of their own (the package's own service is
# not used).
set -euo pipefail
missing=()
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium chromium-driver)
fi
if ! command -v virtuoso-t >/dev/null 2>&1 && [ ! -x /usr/bin/virtuoso-t ]; then
  missing+=(virtuoso-opensource)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "missing ${missing[*]} and apt-get is not available: install them yourself" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing Debian ${missing[*]} for the tests..." >&2
$SUDO apt-get update -qq
# Noninteractive: Virtuoso's package would otherwise ask for a dba password (the tests
# set their own in the database they create).
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
