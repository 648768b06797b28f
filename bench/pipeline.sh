#!/usr/bin/env bash
# End-to-end benchmark of the isolated worker behind DevHost, on Azurite: cold start, ingestion, GET of published results.
# Writes bench/artifacts/pipeline.md; docs/BENCHMARKS.md says how to read it.
#   bench/pipeline.sh [SUBMISSIONS] [--cold-runs K] [--no-pipeline]   default 1000 submissions, 5 cold starts
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prereqs.sh
ensure_node_modules
ensure_debian_tools wrk:wrk
for p in src/Functions src/DevHost bench/Pipeline; do dotnet build "$p" -c Release --nologo -v quiet -clp:ErrorsOnly; done
# DevHost starts the worker from src/Functions' build output (--app); no separate handler process.
dotnet bench/Pipeline/bin/Release/net10.0/ParServerless.Bench.Pipeline.dll "${@:-1000}"
