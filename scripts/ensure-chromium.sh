#!/usr/bin/env bash
# The report-chart test and the web console's end-to-end tests run headless Chromium (Debian's
# package; test tools may not download browsers here). The console's screenshots show Chinese, so a
# CJK font comes with it. Installs what is missing; does nothing when both are there.
set -euo pipefail
need=()
if ! command -v chromium >/dev/null 2>&1 && [ -z "${COMMHUB_CHROMIUM:-}" ]; then need+=(chromium); fi
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then need+=(fonts-wqy-microhei); fi
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get install -y -q "${need[@]}" >/dev/null || { "${sudo_cmd[@]}" apt-get update -q >/dev/null && "${sudo_cmd[@]}" apt-get install -y -q "${need[@]}" >/dev/null; }
command -v chromium >/dev/null || [ -n "${COMMHUB_CHROMIUM:-}" ]
