#!/usr/bin/env bash
# The report-chart test renders the email in headless Chromium (Debian's package; test tools may not
# download browsers here). Installs it when missing; does nothing when it is there.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -n "${COMMHUB_CHROMIUM:-}" ]; then exit 0; fi
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get install -y -q chromium >/dev/null || { "${sudo_cmd[@]}" apt-get update -q >/dev/null && "${sudo_cmd[@]}" apt-get install -y -q chromium >/dev/null; }
command -v chromium >/dev/null
