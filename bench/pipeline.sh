#!/usr/bin/env bash
# End-to-end pipeline benchmark on Azurite (issue: serverless pipeline). Writes bench/artifacts/pipeline.md.
#   bench/pipeline.sh [SUBMISSIONS]   default 1000
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prereqs.sh
ensure_node_modules
ensure_debian_tools wrk:wrk
for p in src/Functions src/DevHost bench/Pipeline; do dotnet build "$p" -c Release --nologo -v quiet -clp:ErrorsOnly; done
dotnet bench/Pipeline/bin/Release/net10.0/ParServerless.Bench.Pipeline.dll "${1:-1000}"
