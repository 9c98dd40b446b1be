#!/usr/bin/env bash
# Installs the Debian packages ELU Explorer needs to build, run and test.
# Skips what is already installed, says what it installs, works as root or with sudo.
# Usage: scripts/install-deps.sh [build|test|package]   (each level includes the previous)
set -euo pipefail

level=${1:-build}

build_packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-qpa-plugins
  libqcustomplot-dev libgl-dev fonts-dejavu-core
  libgif-dev libwebp-dev
)
# The install and package tests (tests/install/) validate (the MIME type with xmllint and
# update-mime-database), render the man page and build the .deb, so their tools are test
# packages. The LaTeX export test (tests/io/tst_texwriter) compiles figures with pdflatex and
# lualatex: pgfplots (texlive-pictures) and the standalone class (texlive-latex-extra).
# The real-window test (tests/app/tst_xvfb) clicks and types with xdotool and dumps the screen
# with xwd (x11-apps).
test_packages=(
  xvfb xauth xdotool x11-apps poppler-utils desktop-file-utils appstream valgrind
  dpkg-dev file groff-base binutils e2fsprogs
  libxml2-utils shared-mime-info
  texlive-latex-base texlive-pictures texlive-latex-extra texlive-luatex
)
package_packages=()

wanted=("${build_packages[@]}")
case "$level" in
  build) ;;
  test) wanted+=("${test_packages[@]}") ;;
  package) wanted+=("${test_packages[@]}" "${package_packages[@]}") ;;
  *) echo "install-deps.sh: unknown level '$level' (accepted: build, test, package)" >&2; exit 2 ;;
esac

missing=()
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps.sh: missing packages: ${missing[*]}" >&2
  echo "install-deps.sh: run this script as root or install sudo" >&2
  exit 1
fi

echo "install-deps.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
