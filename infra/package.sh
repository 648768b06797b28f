#!/usr/bin/env bash
# Builds the zip Azure Functions runs (docs/DEPLOY.md):
#   host.json                       at the root
#   <Function>/function.json        one folder per function, nothing else in it
#   handler/ParServerless.Functions the self-contained handler (fonts embedded in its assemblies), executable
# Nothing dev-only: no DevHost, no tests, no samples, no settings or secrets.
#   infra/package.sh [RUNTIME] [OUT.zip]   RUNTIME linux-x64 (Flex Consumption, default) or win-x64 (Windows Consumption)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prereqs.sh
RID="${1:-linux-x64}"
OUT="$(realpath -m "${2:-artifacts/parserverless-$RID.zip}")"
case "$RID" in linux-x64|win-x64) ;; *) echo "runtime must be linux-x64 or win-x64" >&2; exit 2 ;; esac
command -v python3 >/dev/null || ensure_debian_tools python3:python3
ensure_node_modules   # the Tinos font files embedded in the Documents assembly

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
echo "==> dotnet publish src/Functions ($RID, self-contained)"
dotnet publish src/Functions -c Release -r "$RID" --self-contained -o "$STAGE/handler" --nologo -v quiet \
  -p:DebugType=none -p:GenerateDocumentationFile=false
# Configuration the host or DevHost reads never belongs to the handler: keep only what it runs with.
rm -f "$STAGE"/handler/appsettings.Development.json "$STAGE"/handler/*.pdb

if [ "$RID" = win-x64 ]; then
  sed 's#"handler/ParServerless.Functions"#"handler/ParServerless.Functions.exe"#' host.json > "$STAGE/host.json"
else
  cp host.json "$STAGE/host.json"
fi
for f in src/Functions/*/function.json; do
  name="$(basename "$(dirname "$f")")"
  mkdir -p "$STAGE/$name"
  cp "$f" "$STAGE/$name/function.json"
done

mkdir -p "$(dirname "$OUT")"
rm -f "$OUT"
# Python's zipfile keeps each file's Unix mode (the handler's execute bit) and sorts entries for a stable listing.
python3 - "$STAGE" "$OUT" <<'PY'
import os, sys, zipfile
stage, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in os.walk(stage):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            info = zipfile.ZipInfo.from_file(path, os.path.relpath(path, stage))
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as f:
                z.writestr(info, f.read())
PY
echo "==> $OUT ($(du -h "$OUT" | cut -f1))"
