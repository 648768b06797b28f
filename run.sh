#!/usr/bin/env bash
# Runs the whole ParServerless pipeline on this machine, as it runs in Azure Functions, with the Thừa Thiên Huế 2021 sample:
#   Azurite (storage, data in .azurite/) ← DevHost (the Functions host stand-in, http://127.0.0.1:7071) → the handler.
# It registers the scheme, the year and the units, uploads every sample score file through the API (the blob triggers ingest
# them), runs the GenerateDecision timer, waits for the publication, prints where to look, and keeps serving until Ctrl-C.
# A second run finds everything in place and changes nothing. Local secrets are generated once into .run/settings.json.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
. scripts/prereqs.sh

PORT="${PAR_PORT:-7071}"
RUN=.run
mkdir -p "$RUN" .azurite
command -v dotnet >/dev/null || { echo "dotnet (SDK 10) is required" >&2; exit 1; }
command -v node >/dev/null || ensure_debian_tools nodejs:node npm:npm
ensure_node_modules

for p in "$PORT" 10000 10001 10002; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "Port $p is in use (another ./run.sh?). Stop it first, or set PAR_PORT for the API port." >&2; exit 1
  fi
done

echo "==> dotnet build (Release)"
for project in src/Functions src/DevHost src/Cli; do
  dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly
done

if [ ! -f "$RUN/settings.json" ]; then
  secret() { head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='; }
  cat > "$RUN/settings.json" <<EOF
{
  "Values": {
    "AzureWebJobsStorage": "UseDevelopmentStorage=true",
    "DECISION_SCHEDULE": "0 0 2 15 1 *",
    "PAR_ADMIN_KEY": "$(secret)",
    "PAR_AGENCY_KEY_SECRET": "$(secret)"
  }
}
EOF
  chmod 600 "$RUN/settings.json"
fi
ADMIN_KEY="$(sed -n 's/.*"PAR_ADMIN_KEY": "\(.*\)".*/\1/p' "$RUN/settings.json")"

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "==> stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

echo "==> Azurite (data in .azurite/, log in $RUN/azurite.log)"
node node_modules/azurite/dist/src/azurite.js --skipApiVersionCheck --silent --disableTelemetry --location .azurite \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >"$RUN/azurite.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null && break; sleep 0.2; done

echo "==> DevHost + handler on http://127.0.0.1:$PORT (log in $RUN/devhost.log)"
dotnet src/DevHost/bin/Release/net10.0/ParServerless.DevHost.dll --script-root . --functions-root src/Functions \
  --handler src/Functions/bin/Release/net10.0/ParServerless.Functions.dll --settings "$RUN/settings.json" --port "$PORT" \
  >"$RUN/devhost.log" 2>&1 &
pids+=($!)

CLI="dotnet src/Cli/bin/Release/net10.0/parserverless.dll"
echo "==> sample score files (Huế 2021) into $RUN/sample"
rm -rf "$RUN/sample"
$CLI sample-uploads "$RUN/sample" >/dev/null
echo "==> loading the sample through the API"
$CLI load-sample "$RUN/sample" "http://127.0.0.1:$PORT" "$ADMIN_KEY"

API="http://127.0.0.1:$PORT/api"
cat <<EOF

ParServerless is running (Ctrl-C stops it).
  Decision (PDF)      $API/public/years/2021/decision.pdf
  Decision (JSON)     $API/public/years/2021/decision.json
  Results             $API/public/years/2021/results        (?group=SO or HUYEN)
  One unit's sheet    $API/public/years/2021/units/SO-TP     and  …/units/SO-TP/sheet.pdf
  Open data           $API/public/years/2021/export.csv      (.json, .xlsx)
  OpenAPI document    $API/openapi/v1.json
  Admin routes        Authorization: Bearer <PAR_ADMIN_KEY from $RUN/settings.json>, e.g.
                      curl -H "Authorization: Bearer \$(sed -n 's/.*"PAR_ADMIN_KEY": "\(.*\)".*/\1/p' $RUN/settings.json)" $API/admin/years/2021/uploads
  Logs                $RUN/devhost.log, $RUN/azurite.log
EOF
wait "${pids[1]}"
