#!/usr/bin/env bash
# Builds the zip Azure Functions (Flex Consumption, dotnet-isolated 10.0) runs (docs/DEPLOY.md): the framework-dependent
# `dotnet publish -r linux-x64` output of src/Functions, the .NET isolated worker. At the zip's root:
#   host.json, functions.metadata, worker.config.json, extensions.json, .azurefunctions/, ParServerless.Functions.dll and
#   its dependencies (fonts embedded in the Documents assembly, the native SkiaSharp/HarfBuzz libraries for linux-x64).
# Nothing dev-only: no DevHost, no tests, no samples, no settings or secrets, no pdb.
#   infra/package.sh [OUT.zip]     default artifacts/parserverless-linux-x64.zip
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prereqs.sh
OUT="$(realpath -m "${1:-artifacts/parserverless-linux-x64.zip}")"
command -v python3 >/dev/null || ensure_debian_tools python3:python3
ensure_node_modules   # the Tinos font files embedded in the Documents assembly

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
echo "==> dotnet publish src/Functions (linux-x64, framework-dependent)"
# Its own obj/bin (--artifacts-path): a RID-specific restore into src/*/obj would make the next plain `dotnet build` (run.sh,
# test.sh) start over.
dotnet publish src/Functions -c Release -r linux-x64 --self-contained false -o "$STAGE/app" --artifacts-path "$STAGE/build" \
  --nologo -v quiet \
  -clp:ErrorsOnly -p:DebugType=none -p:GenerateDocumentationFile=false
# Configuration a developer's host reads never belongs to the package: keep only what the worker runs with.
find "$STAGE/app" \( -name '*.pdb' -o -name 'local.settings.json' -o -name 'appsettings.Development.json' \) -delete
for f in host.json functions.metadata worker.config.json extensions.json; do
  [ -f "$STAGE/app/$f" ] || { echo "the publish output has no $f" >&2; exit 1; }
done

mkdir -p "$(dirname "$OUT")"
rm -f "$OUT"
# Python's zipfile: entries sorted, a fixed timestamp and the files' Unix modes, so the same build gives the same listing.
python3 - "$STAGE/app" "$OUT" <<'PY'
import os, sys, zipfile
stage, out = sys.argv[1], sys.argv[2]
paths = []
for root, dirs, files in os.walk(stage):
    paths += [os.path.join(root, n) for n in files]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for path in sorted(paths, key=lambda p: os.path.relpath(p, stage)):
        info = zipfile.ZipInfo(os.path.relpath(path, stage), date_time=(2000, 1, 1, 0, 0, 0))
        info.external_attr = (os.stat(path).st_mode & 0o777 | 0o100000) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        with open(path, "rb") as f:
            z.writestr(info, f.read())
PY
echo "==> $OUT ($(du -h "$OUT" | cut -f1))"
