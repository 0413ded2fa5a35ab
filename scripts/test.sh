#!/usr/bin/env bash
# The whole test suite: types, lint, unit + integration (PGlite, and Postgres when
# TEST_DATABASE_URL is set), then browser tests against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# Browser tests use the system Chromium; browsers are never downloaded.
if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "Installing Debian's chromium for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Playwright empties test-results/ when it starts, so the reports live elsewhere.
rm -rf test-reports && mkdir -p test-reports
echo "== types"; npx tsc --noEmit
echo "== lint"; npx eslint . --max-warnings=0
echo "== unit and integration"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-reports/vitest.json
echo "== production build"; npx next build > test-reports/build.log 2>&1 || { cat test-reports/build.log; exit 1; }
echo "== browser"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-reports/playwright.json npx playwright test --reporter=list,json
node scripts/test-summary.mjs test-reports/vitest.json test-reports/playwright.json
