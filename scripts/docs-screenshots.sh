#!/usr/bin/env bash
# Refreshes the screenshots in docs/screenshots from a run of the browser suites that take them:
# the suites save every screen they pass through; this keeps the few the docs show.
#   bash scripts/docs-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
shots=$(mktemp -d)
trap 'rm -rf "$shots"' EXIT

suites=(e2e/themes.test.ts e2e/active-speaker.test.ts e2e/screen-share.test.ts e2e/chat.test.ts e2e/host-controls.test.ts
  e2e/admission.test.ts e2e/stage-layout.test.ts e2e/languages.test.ts e2e/resilience.test.ts e2e/permissions.test.ts e2e/devices.test.ts e2e/captions.test.ts e2e/webinar.test.ts
  e2e/webinar-registration.test.ts)
PARLEY_SCREENSHOTS=$shots bash scripts/netns-exec.sh node --conditions=source --import tsx --test --test-concurrency=1 "${suites[@]}"

# The screens docs/screenshots.md shows, by the name each suite saves them under.
kept=(themes-guest-prejoin-logo active-speaker-speaker-view screen-share-viewer chat-panel host-controls-participant-menu
  admission-lobby-panel admission-phone-waiting layout-phone-grid lang-ar-meeting resilience-peer-reconnecting
  permissions-blocked devices-settings captions-host-sees-speaker webinar-attendee-qa webinar-registration-form)
for name in "${kept[@]}"; do cp "$shots/$name.png" "docs/screenshots/$name.png"; done
echo "docs/screenshots: ${#kept[@]} screenshots refreshed"
