#!/usr/bin/env bash
# Installs what kubelab needs to build on a fresh Debian/Ubuntu machine: the libedit headers.
set -euo pipefail
if pkg-config --exists libedit 2>/dev/null && [ -f /usr/include/histedit.h ]; then
  exit 0
fi
echo "kubelab: installing libedit-dev (line editing for the shell)..." >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libedit-dev pkg-config >/dev/null
