#!/usr/bin/env bash
# Debian packages the test suite needs: a Docker engine (for the docker runtime tests) and a static
# busybox (the base of the test images, since no registry can be reached). Never upgrades anything.
set -euo pipefail
need=()
command -v dockerd >/dev/null || need+=(docker.io)
[ -x /bin/busybox ] || command -v busybox >/dev/null || need+=(busybox-static)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-upgrade "${need[@]}" >/dev/null
fi
echo "dockerd: $(command -v dockerd)  busybox: $(command -v busybox || echo /bin/busybox)"
