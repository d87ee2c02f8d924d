#!/usr/bin/env bash
# Install Debian packages that are missing: system-deps.sh chromium ffmpeg wrk nginx varnish valgrind
set -euo pipefail
declare -A binary=([valgrind]=valgrind [chromium]=/usr/bin/chromium [ffmpeg]=ffprobe [wrk]=wrk [nginx]=/usr/sbin/nginx [varnish]=/usr/share/doc/varnish-modules/copyright)
declare -A package=([valgrind]=valgrind [chromium]=chromium [ffmpeg]=ffmpeg [wrk]=wrk [nginx]=nginx-light [varnish]="varnish varnish-modules")
missing=()
for name in "$@"; do
  # shellcheck disable=SC2206 # a name may need several packages
  command -v "${binary[$name]}" >/dev/null 2>&1 || test -e "${binary[$name]}" || missing+=(${package[$name]})
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
  command -v sudo >/dev/null || { echo "Run as root or install: apt-get install ${missing[*]}" >&2; exit 1; }
else
  SUDO=
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
