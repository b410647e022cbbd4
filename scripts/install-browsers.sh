#!/usr/bin/env bash
# The three engines every browser test runs in, from Debian's packages (nothing downloads a browser of its own):
# Chromium, Firefox ESR, and WebKitGTK's WebDriver + MiniBrowser, which draws into a virtual X server (Xvfb).
# Installs whichever is missing when it can (root and apt-get), as CI does on a fresh machine; otherwise stops at once
# with the one command to run. Used by `npm test` (test:browsers) and by .ci/run.
set -euo pipefail

# Each line: the executable to look for, the package that provides it.
browsers=(
  "${CHROMIUM_PATH:-/usr/bin/chromium} chromium"
  "${FIREFOX_PATH:-/usr/bin/firefox-esr} firefox-esr"
  "${WEBKIT_DRIVER_PATH:-/usr/bin/WebKitWebDriver} webkit2gtk-driver"
  "${XVFB_PATH:-/usr/bin/Xvfb} xvfb"
  # The tests start Xvfb themselves; xvfb-run, for running WebKit by hand, needs xauth.
  "/usr/bin/xauth xauth"
)
missing=()
for entry in "${browsers[@]}"; do
  read -r path package <<<"$entry"
  [ -x "$path" ] || missing+=("$package")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

command="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "react-connect-hub tests: the browser tests need Debian's ${missing[*]}. Run:" >&2
  echo "  sudo apt-get update && sudo $command" >&2
  echo "(or set CHROMIUM_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH, XVFB_PATH to where they are installed)" >&2
  exit 1
fi
echo "Installing Debian's ${missing[*]} for the browser tests"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
  echo "react-connect-hub tests: apt-get could not install ${missing[*]}; run \`$command\` to see why" >&2
  exit 1
}
for entry in "${browsers[@]}"; do
  read -r path package <<<"$entry"
  if [ ! -x "$path" ]; then
    echo "react-connect-hub tests: $package is installed but $path is not there; set the variable that names its path" >&2
    exit 1
  fi
done
