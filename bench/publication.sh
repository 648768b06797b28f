#!/usr/bin/env bash
# Publication benchmark (issue #14), run as the function app is deployed: ReadyToRun, linux-x64, framework-dependent (what
# infra/package.sh publishes for src/Functions), so the publishing processes do not pay JIT a deployed instance does not.
# Writes bench/artifacts/publication.md; docs/BENCHMARKS.md says how to read it.
#   bench/publication.sh [--memory] [UNITS…]     default 300 4500; --memory: Azurite in memory (Program.cs says why)
#   bench/publication.sh --il [UNITS…]       the plain IL build instead (what `dotnet run` gives)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prereqs.sh
ensure_node_modules
OUT=bench/artifacts/publication-app
if [ "${1:-}" = "--il" ]; then
  shift
  dotnet build bench/Publication -c Release --nologo -v quiet -clp:ErrorsOnly
  exec dotnet bench/Publication/bin/Release/net10.0/ParServerless.Bench.Publication.dll "$@"
fi
# Its own obj/bin (--artifacts-path), as infra/package.sh: a RID-specific restore into src/*/obj would make the next plain
# build start over.
dotnet publish bench/Publication -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT" \
  --artifacts-path bench/artifacts/publication-build --nologo -v quiet -clp:ErrorsOnly
# The bench finds the repository from its own folder (bench/artifacts/publication.md is written there).
exec "$OUT/ParServerless.Bench.Publication" "$@"
