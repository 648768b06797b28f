#!/usr/bin/env bash
# The worker's cold start to its first storage-backed answer (issue #14), as deployed, against a bare ASP.NET Core app in the
# same run (bench/Pipeline/WorkerColdStart.cs). Writes each round's report to bench/artifacts/cold-start/rounds.md, then sums
# the rounds up per build (bench/cold-start-summary.awk: the worst round, the median of all runs); docs/BENCHMARKS.md says
# how to read them.
#   bench/cold-start.sh [RUNS] [ROUNDS] [BENCH ARGS…]   default 5 alternating runs per round (the medians), 3 rounds;
#     more builds to compare in the same runs, e.g. --worker-cold-start "before=/tmp/old-publish;PAR_STORAGE_PROVISIONED=true"
#
# The worker is published as infra/package.sh publishes it (framework-dependent, linux-x64, ReadyToRun) and started with
# PAR_STORAGE_PROVISIONED=true, as infra/main.bicep sets it. It is started twice per run, behind two builds of DevHost, the
# local stand-in for the Functions host:
#   precompiled-host  DevHost published ReadyToRun. The Functions host a deployed worker talks to is already running when
#                     the worker starts, so compiling its forwarding path is not in the worker's window: this is the figure
#                     the target is read on.
#   jit-host          DevHost's plain Release build (what run.sh and the tests use), whose first forward is JIT-compiled on
#                     the same two cores while the worker starts: the figure earlier sections of docs/BENCHMARKS.md report.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prereqs.sh
ensure_node_modules
RUNS="${1:-5}"
ROUNDS="${2:-3}"
shift $(( $# < 2 ? $# : 2 ))
OUT=bench/artifacts/cold-start
for p in src/DevHost bench/Pipeline; do dotnet build "$p" -c Release --nologo -v quiet -clp:ErrorsOnly; done
# Own obj/bin for each publish (--artifacts-path), as infra/package.sh: a RID-specific restore into src/*/obj would make the
# next plain build start over.
dotnet publish src/Functions -c Release -r linux-x64 --self-contained false -o "$OUT/worker" --artifacts-path "$OUT/worker-build" \
  --nologo -v quiet -clp:ErrorsOnly -p:DebugType=none
dotnet publish src/DevHost -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT/devhost" \
  --artifacts-path "$OUT/devhost-build" --nologo -v quiet -clp:ErrorsOnly -p:DebugType=none
# The build's compiler and MSBuild servers stay behind for a while after a build; they must not share the cores with the runs.
dotnet build-server shutdown >/dev/null 2>&1 || true
ROUNDS_LOG="$OUT/rounds.md"
: > "$ROUNDS_LOG"
for round in $(seq 1 "$ROUNDS"); do
  echo "==> round $round of $ROUNDS (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  dotnet bench/Pipeline/bin/Release/net10.0/ParServerless.Bench.Pipeline.dll 0 --cold-runs "$RUNS" --no-pipeline \
    --worker-cold-start "precompiled-host=$OUT/worker;PAR_STORAGE_PROVISIONED=true;@devhost=$OUT/devhost" \
    --worker-cold-start "jit-host=$OUT/worker;PAR_STORAGE_PROVISIONED=true" "$@" | tee -a "$ROUNDS_LOG"
done
# Across the rounds: each build's range of per-round ratios (the worst round is what the target is judged on) and the median
# of all its runs against the median of all the bare app's runs.
echo "==> $ROUNDS rounds of $RUNS runs (all rounds: $ROUNDS_LOG)"
bench/cold-start-summary.awk "$ROUNDS_LOG"
