#!/usr/bin/env bash
# The main job: install what is missing, build everything, serve the app on
# http://127.0.0.1:8080/ until stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec node scripts/serve.mjs build/site
