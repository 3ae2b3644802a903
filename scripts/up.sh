#!/usr/bin/env bash
# Brings the whole Berth platform up on this machine, and prints the console URL and admin login.
# Safe to run again: every step checks before it acts. Only the checks that must happen before
# Node dependencies exist live here; everything else is packages/platform (TypeScript).
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { printf 'berth: %s\nfix: %s\n' "$1" "$2" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "bring-up must run as root: it installs Debian packages and starts system services." \
  "run it again with sudo: sudo bash scripts/up.sh"
command -v node >/dev/null && command -v npm >/dev/null || fail "Node.js and npm are not installed." \
  "install Node.js 20.19+ (with npm), then run this again."

# Install the workspace's dependencies only when the lockfile changed since the last install.
stamp=node_modules/.berth-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "==> Installing Node dependencies"
  # `npm install`, not `npm ci`: the registry these machines reach lacks turbo's macOS and
  # Windows binaries, so the lockfile cannot list them and `npm ci` refuses it as out of sync.
  # The lockfile still pins every version that is installed.
  npm install --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

exec node --import tsx packages/platform/src/cli.ts up "$@"
