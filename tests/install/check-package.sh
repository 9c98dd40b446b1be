#!/usr/bin/env bash
# CTest package_contents: builds the .deb with CPack into a scratch folder (the build tree
# is only read) and checks its name, control fields, computed dependencies and contents,
# then unpacks it and runs the packaged binary without a display.
# Usage: check-package.sh BUILD_DIR VERSION
set -euo pipefail

build_dir=$1
version=$2
id=org.eluexplorer.EluExplorer

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
cpack=${CPACK:-cpack}  # the configuring CMake's CPack, from CTest
for tool in "$cpack" dpkg-deb dpkg-shlibdeps dpkg-architecture file readelf desktop-file-validate; do
    command -v "$tool" >/dev/null 2>&1 ||
        { echo "FAIL: '$tool' is not installed (scripts/install-deps.sh test)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$cpack" --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; echo "FAIL: cpack -G DEB" >&2; exit 1; }

arch=$(dpkg --print-architecture)
deb=$work/out/elu-explorer_${version}_${arch}.deb
[ -f "$deb" ] || { ls "$work/out" >&2; echo "FAIL: no $(basename "$deb")" >&2; exit 1; }

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = elu-explorer ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)'"
[ "$(field Section)" = science ] || fail "Section is '$(field Section)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"

# Depends comes from dpkg-shlibdeps: a versioned entry for the package of every library the
# binary links (read from its ELF header here, independently), Qt and QCustomPlot among them.
depends=$(field Depends)
echo "Depends: $depends"
has_dependency() {  # PACKAGE: listed with a version constraint ('.' and '+' taken literally)
    local name=${1//./\\.}
    grep -qE "(^|, )${name//+/\\+}(:[a-z0-9]+)? \(>= [^)]+\)" <<<"$depends"
}
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/bin/elu-explorer >"$work/elu-explorer"
needed=$(readelf -d "$work/elu-explorer" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || fail "no NEEDED libraries read from the packaged binary"
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
for soname in $needed; do
    owner=$(dpkg -S "*/$multiarch/$soname" 2>/dev/null | head -n 1 | cut -d: -f1)
    [ -n "$owner" ] || { fail "no installed package owns $soname"; continue; }
    has_dependency "$owner" || fail "Depends lacks a versioned entry for $owner ($soname)"
done
for library in libqt6core6 libqt6widgets6 libqcustomplot2.1-qt6; do
    has_dependency "$library" || fail "Depends lacks $library"
done

# Contents: everything under /usr, and each file a user needs.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
grep -v -E '^/usr(/|$)' "$work/contents" | grep -v '^/$' >"$work/outside" || true
[ ! -s "$work/outside" ] || fail "files outside /usr: $(tr '\n' ' ' <"$work/outside")"
expected=(
    /usr/bin/elu-explorer
    "/usr/share/applications/$id.desktop"
    "/usr/share/metainfo/$id.metainfo.xml"
    "/usr/share/mime/packages/$id.xml"
    "/usr/share/icons/hicolor/scalable/apps/$id.svg"
    /usr/share/man/man1/elu-explorer.1
    /usr/share/doc/elu-explorer/LICENSE
)
for size in 16 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$id.png")
done
for path in "${expected[@]}"; do
    grep -qxF "$path" "$work/contents" || fail "package lacks $path"
done

# Unpacked, the binary runs with no display and the files are as installed.
dpkg-deb -x "$deb" "$work/root"
bin=$work/root/usr/bin/elu-explorer
case $(file -b "$bin") in
    ELF*", stripped"*) ;;
    *) fail "packaged binary is not a stripped ELF: $(file -b "$bin")" ;;
esac
run() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$work/home" "$bin" "$@"; }
[ "$(run --version)" = "elu-explorer $version" ] || fail "--version printed '$(run --version)'"
run --json "$work/x.json" || fail "packaged binary: --json exited with $?"
grep -q '"generator": "elu-explorer '"$version"'"' "$work/x.json" ||
    fail "packaged binary wrote no JSON with generator elu-explorer $version"
desktop-file-validate "$work/root/usr/share/applications/$id.desktop" ||
    fail "desktop-file-validate on the packaged desktop file"

# apt can satisfy the dependencies (a simulation: nothing is installed).
if command -v apt-get >/dev/null 2>&1; then
    apt-get install --simulate --no-install-recommends "$deb" >"$work/apt.log" 2>&1 ||
        { cat "$work/apt.log" >&2; fail "apt-get install --simulate cannot satisfy Depends"; }
fi

[ $failures -eq 0 ] || { echo "$failures problem(s) in the package" >&2; exit 1; }
echo "package $(basename "$deb") complete: ${#expected[@]} files, computed Depends, runs headless"
