# Sourced by run.sh, test.sh and bench scripts: installs what a fresh machine of our kind lacks.
# Only the registries our machines reach are used: npm (package.json, lock file) and Debian packages.

ensure_node_modules() {
  # Azurite (pinned 3.37.0) and the Tinos font embedded in documents come from package-lock.json.
  if [ ! -x node_modules/.bin/azurite ] || [ ! -d node_modules/@expo-google-fonts/tinos ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "==> npm ci (Azurite, fonts)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# ensure_debian_tools pkg:command [pkg:command ...] installs each package whose command is missing.
ensure_debian_tools() {
  local missing=() spec
  for spec in "$@"; do
    command -v "${spec#*:}" >/dev/null 2>&1 || missing+=("${spec%%:*}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> apt-get install ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
