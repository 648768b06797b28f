#!/usr/bin/env bash
# Runs the whole ParServerless pipeline on this machine, as it runs in Azure Functions, with the Thừa Thiên Huế 2021 sample:
#   Azurite (storage) ← DevHost (the Functions host stand-in, http://127.0.0.1:7071) → the .NET isolated worker (src/Functions).
# With Azure Functions Core Tools (`func`) on PATH, the real host runs the worker instead of DevHost.
# It registers the scheme, the year and the units, uploads every sample score file through the API (the blob triggers ingest
# them), runs the GenerateDecision timer, waits for the publication, prints where to look, and keeps serving until Ctrl-C.
# A second run finds everything in place and changes nothing. Local secrets are generated once into .run/settings.json.
#   ./run.sh [--empty]     --empty: start without loading the sample
#   PAR_PORT          API port (default 7071)
#   PAR_STORAGE_PORT  Azurite blob port (default 10000; queue and table are the next two); data in .azurite/<blob port>/
#   PAR_ADMIN_KEY     admin key (default: the one generated into .run/settings.json)
# Two pipelines side by side: PAR_PORT=7171 PAR_STORAGE_PORT=10100 ./run.sh --empty
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
. scripts/prereqs.sh

EMPTY=0
for arg in "$@"; do
  case "$arg" in
    --empty) EMPTY=1 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (only --empty)" >&2; exit 2 ;;
  esac
done

PORT="${PAR_PORT:-7071}"
BLOB_PORT="${PAR_STORAGE_PORT:-10000}"
QUEUE_PORT=$((BLOB_PORT + 1))
TABLE_PORT=$((BLOB_PORT + 2))
RUN=.run
LOGS="$RUN/$PORT"
DATA=".azurite/$BLOB_PORT"
APP=src/Functions/bin/Release/net10.0
mkdir -p "$LOGS" "$DATA"
command -v dotnet >/dev/null || { echo "dotnet (SDK 10) is required" >&2; exit 1; }
command -v node >/dev/null || ensure_debian_tools nodejs:node npm:npm
command -v curl >/dev/null || ensure_debian_tools curl:curl
ensure_node_modules

for p in "$PORT" "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "Port $p is in use (another ./run.sh?). Stop it first, or set PAR_PORT / PAR_STORAGE_PORT." >&2; exit 1
  fi
done

# Incremental: right after ./test.sh (which builds Release too) this only checks that nothing changed.
echo "==> dotnet build (Release)"
for project in src/Functions src/DevHost src/Cli; do
  dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly
done

if [ ! -f "$RUN/settings.json" ]; then
  secret() { head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='; }
  cat > "$RUN/settings.json" <<JSON
{
  "IsEncrypted": false,
  "Values": {
    "DECISION_SCHEDULE": "0 0 2 15 1 *",
    "PAR_ADMIN_KEY": "$(secret)",
    "PAR_AGENCY_KEY_SECRET": "$(secret)"
  }
}
JSON
  chmod 600 "$RUN/settings.json"
fi
setting() { sed -n "s/.*\"$1\": \"\(.*\)\".*/\1/p" "$RUN/settings.json"; }
ADMIN_KEY="${PAR_ADMIN_KEY:-$(setting PAR_ADMIN_KEY)}"
AGENCY_SECRET="$(setting PAR_AGENCY_KEY_SECRET)"
SCHEDULE="$(setting DECISION_SCHEDULE)"
# Azurite's well-known development account (public, local only), on this pipeline's ports.
DEV_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$DEV_KEY;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1"

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "==> stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

echo "==> Azurite on $BLOB_PORT/$QUEUE_PORT/$TABLE_PORT (data in $DATA/, log in $LOGS/azurite.log)"
node node_modules/azurite/dist/src/azurite.js --skipApiVersionCheck --silent --disableTelemetry --location "$DATA" \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  --blobPort "$BLOB_PORT" --queuePort "$QUEUE_PORT" --tablePort "$TABLE_PORT" >"$LOGS/azurite.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$TABLE_PORT") 2>/dev/null && break; sleep 0.2; done

HOST_LOG="$LOGS/host.log"
if command -v func >/dev/null; then
  # The real Functions host reads local.settings.json from the script root (the worker's build output; never packaged).
  echo "==> Azure Functions Core Tools found: the real host (func start) runs the worker on http://127.0.0.1:$PORT (log in $HOST_LOG)"
  umask 077
  cat > "$APP/local.settings.json" <<JSON
{
  "IsEncrypted": false,
  "Values": {
    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
    "AzureWebJobsStorage": "$STORAGE",
    "DECISION_SCHEDULE": "$SCHEDULE",
    "PAR_ADMIN_KEY": "$ADMIN_KEY",
    "PAR_AGENCY_KEY_SECRET": "$AGENCY_SECRET",
    "AzureWebJobsDisableHomepage": "true"
  }
}
JSON
  umask 022
  func start --script-root "$APP" --port "$PORT" >"$HOST_LOG" 2>&1 &
  pids+=($!)
  HOST_KIND="func (Azure Functions Core Tools)"
else
  echo "==> DevHost + the isolated worker on http://127.0.0.1:$PORT (log in $HOST_LOG)"
  dotnet src/DevHost/bin/Release/net10.0/ParServerless.DevHost.dll --app "$APP" --settings "$RUN/settings.json" --port "$PORT" \
    --setting "AzureWebJobsStorage=$STORAGE" --setting "PAR_ADMIN_KEY=$ADMIN_KEY" --setting "AzureWebJobsDisableHomepage=true" --host-id "parserverless-$PORT" \
    >"$HOST_LOG" 2>&1 &
  pids+=($!)
  HOST_KIND="DevHost (the host stand-in)"
fi
HOST_PID="${pids[1]}"
for _ in $(seq 1 300); do
  kill -0 "$HOST_PID" 2>/dev/null || { echo "The host stopped; see $HOST_LOG:" >&2; tail -n 30 "$HOST_LOG" >&2; exit 1; }
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/health" 2>/dev/null && break
  sleep 0.5
done

CLI="dotnet src/Cli/bin/Release/net10.0/parserverless.dll"
if [ "$EMPTY" = 1 ]; then
  echo "==> --empty: no sample loaded"
elif [ "$HOST_KIND" != "${HOST_KIND#func}" ]; then
  # Flex Consumption's blob triggers take Event Grid events ("source": "EventGrid"), which Azurite never sends: under func
  # an uploaded blob is not ingested until an event is posted to /runtime/webhooks/blobs. DevHost scans the containers instead.
  echo "==> func: sample not loaded (Azurite sends no Event Grid events, so func would never ingest it); run without func for the sample"
else
  echo "==> sample score files (Huế 2021) into $LOGS/sample"
  rm -rf "$LOGS/sample"
  $CLI sample-uploads "$LOGS/sample" >/dev/null
  echo "==> loading the sample through the API"
  $CLI load-sample "$LOGS/sample" "http://127.0.0.1:$PORT" "$ADMIN_KEY"
fi

API="http://127.0.0.1:$PORT/api"
SITE="http://127.0.0.1:$PORT"
cat <<MSG

ParServerless is running on $HOST_KIND (Ctrl-C stops it).
Web pages (docs/PAGES.md)
  Years published     $SITE/nam
  Results of 2021     $SITE/nam/2021
  One unit's page     $SITE/nam/2021/don-vi/SO-TP
  In English          $SITE/en/years/2021
  Agency upload desk  $SITE/co-quan/2021      (sign in with a unit's key; $API/admin/years/2021/units lists them)
  Sở Nội vụ's board   $SITE/so-noi-vu/2021    (sign in with PAR_ADMIN_KEY)
API
  Decision (PDF)      $API/public/years/2021/decision.pdf
  Decision (JSON)     $API/public/years/2021/decision.json
  Results             $API/public/years/2021/results        (?group=SO or HUYEN)
  One unit's sheet    $API/public/years/2021/units/SO-TP     and  …/units/SO-TP/sheet.pdf
  Open data           $API/public/years/2021/export.csv      (.json, .xlsx)
  OpenAPI document    $API/openapi/v1.json
  Admin routes        Authorization: Bearer <PAR_ADMIN_KEY>, e.g.
                      curl -H "Authorization: Bearer \$PAR_ADMIN_KEY" $API/admin/years/2021/uploads
                      (without PAR_ADMIN_KEY set, the key is in $RUN/settings.json)
  Storage             $STORAGE
  Logs                $HOST_LOG, $LOGS/azurite.log
MSG
wait "$HOST_PID"
