#!/usr/bin/env bash
# Runs ParServerless on this machine. Until the pipeline lands (issue: serverless pipeline), this is the console demo of
# the scoring library on the Thừa Thiên Huế 2021 sample: it scores every unit, ranks each group and prints one unit's
# working sheet. Pass a unit code to see another unit's sheet: ./run.sh SO-GDDT
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v dotnet >/dev/null || { echo "dotnet (SDK 10) is required" >&2; exit 1; }
dotnet build src/Cli -c Release --nologo -v quiet >/dev/null
exec dotnet src/Cli/bin/Release/net10.0/parserverless.dll demo "${1:-SO-TP}"
