#!/usr/bin/env bash
# The single test command (README command 2, and what CI runs): unit tests, Arquillian integration
# tests, the EAR smoke test and the end-to-end browser tests of the started system.
# Installs Debian's chromium, chromium-driver and postgresql-15 first when they are missing.
set -euo pipefail

readonly REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian packages the tests need: a headless browser for the end-to-end tests, and PostgreSQL 15's server
# binaries for the audit trail's integration tests on a real PostgreSQL.
missing_packages() {
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || echo chromium chromium-driver
  [[ -x /usr/lib/postgresql/15/bin/initdb && -x /usr/lib/postgresql/15/bin/pg_ctl ]] || echo postgresql-15
}

install_missing_packages() {
  local packages
  packages="$(missing_packages | xargs)"
  [[ -n "$packages" ]] || return 0
  echo "Installing Debian packages the tests need: $packages"
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || {
      echo "test.sh: $packages missing and installing them needs root (no sudo found)" >&2
      exit 1
    }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update
  # shellcheck disable=SC2086 # one word per package
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $packages
}

install_missing_packages
cd "$REPO_DIR"
exec mvn -B verify "$@"
