#!/usr/bin/env bash
# Installs what Parley needs and is missing, then builds what changed. Idempotent: when everything is
# present it touches no network and finishes in seconds.
#   scripts/setup.sh          what `make run` needs (Janus, its tools, ffmpeg, npm packages, a build)
#   scripts/setup.sh --tests  also what `make test` needs (Chromium, iproute2 for the test namespace,
#                             PostgreSQL and Redis servers that the clustered suites start themselves)
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[ "${1:-}" = "--tests" ] && want_tests=1

# python3, make and g++ build the native npm modules (better-sqlite3, unix-dgram) during npm ci.
# Live captions recognise speech offline with Pocketsphinx, which Debian's ffmpeg is built with; it
# needs the US English model.
packages=(janus janus-tools ffmpeg pocketsphinx-en-us python3 make g++)
# The emoji font: reactions on screenshots look as they do on people’s own machines.
# espeak-ng speaks the phrase the captions suite plays into a participant's fake microphone.
[ "$want_tests" = 1 ] && packages+=(chromium iproute2 util-linux postgresql redis-server fonts-noto-color-emoji espeak-ng)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
  fi
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "setup: Parley needs Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

# npm ci only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Rebuild only when a source, config or lock file is newer than the last build.
stamp=.parley-build-stamp
if [ ! -f "$stamp" ] || [ -n "$(find packages package-lock.json tsconfig.base.json -newer "$stamp" \
     -not -path '*/node_modules/*' -not -path '*/dist/*' -not -name '*.tsbuildinfo' -type f -print -quit)" ]; then
  echo "setup: building"
  npm run --silent build
  touch "$stamp"
fi
