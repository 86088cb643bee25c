#!/usr/bin/env bash
# The single test command (README command 2, and what CI runs): unit tests, Arquillian integration
# tests, the EAR smoke test and the end-to-end browser tests of the started system.
# Installs Debian's chromium and chromium-driver first when they are missing.
set -euo pipefail

readonly REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

install_browser() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    return 0
  fi
  echo "Installing Debian chromium and chromium-driver for the end-to-end tests..."
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || {
      echo "test.sh: chromium and chromium-driver are missing and installing them needs root (no sudo found)" >&2
      exit 1
    }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends chromium chromium-driver
}

install_browser
cd "$REPO_DIR"
exec mvn -B verify "$@"
