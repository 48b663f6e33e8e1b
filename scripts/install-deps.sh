#!/usr/bin/env bash
# Installs what building and testing need on a fresh Debian 12 machine: the
# toolchain and libraries from Debian's archive, the pinned npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

# libboost-dev: Boost.Beast and Boost.Asio (header-only) for jianxi-server;
# python3: the ctypes test of libjianxi; poppler-utils: pdftotext and pdftoppm, with which
# the browser tests read the printed application report.
packages=(cmake g++ make emscripten libboost-date-time-dev libboost-dev nlohmann-json3-dev doctest-dev
          chromium fonts-wqy-microhei clang-14 libclang-rt-14-dev gzip python3 poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
