#!/usr/bin/env bash
# Documents benchmark (issue 5): one province's Decision (~150 units, 3 groups) against LibreOffice headless converting an
# XLSX of the same tables to PDF, in the same BenchmarkDotNet run; then a national book of 4,500 units.
# Installs what is missing first (npm fonts, Debian libreoffice-calc-nogui). Figures go to docs/BENCHMARKS.md by hand.
# Usage: bench/decision-vs-libreoffice.sh [extra BenchmarkDotNet arguments]
# The build timeout is raised because BenchmarkDotNet's default (120 s) is too short on a shared 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prereqs.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

ensure_node_modules
ensure_debian_tools libreoffice-calc-nogui:soffice

artifacts=bench/artifacts/documents
dotnet run -c Release --project bench/Benchmarks -- \
  --filter '*DecisionBenchmarks*' '*NationalBookBenchmarks*' \
  --buildTimeout 900 --artifacts "$artifacts" "$@" | tee "$artifacts.log"

echo "==> results: $artifacts/results (markdown tables); peak memory:"
grep -E '^// (Decision|National book|Peak working set)' "$artifacts.log" || true
