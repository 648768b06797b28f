#!/usr/bin/env bash
# Runs every test of ParServerless. Installs what is missing first (npm packages, poppler-utils).
# Tests that need Azurite start their own instance on free ports.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prereqs.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 TZ=UTC

ensure_node_modules
ensure_debian_tools poppler-utils:pdftoppm chromium:chromium

echo "==> build (warnings are errors)"
dotnet build ParServerless.sln -c Release --nologo -v quiet

log=$(mktemp)
status=0
for project in tests/*/*.Tests.csproj; do
  echo "==> test $(basename "$project" .csproj)"
  dotnet test "$project" -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=1
done

# One plain closing line over every project, which CI reads.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
[ "$failed" -gt 0 ] && status=1
[ "$passed" -eq 0 ] && { echo "no test ran"; status=1; }
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
