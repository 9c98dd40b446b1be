#!/usr/bin/env bash
# CTest install_tree: installs the build into a temporary prefix and checks what a user gets:
# every file in its GNUInstallDirs place, the desktop and AppStream files valid and consistent
# with each other, the session MIME type valid and opened by the desktop file, the icons at
# their sizes, a man page that renders and documents every option, and an installed binary
# that runs without a display.
# Usage: check-install.sh BUILD_DIR VERSION
set -euo pipefail

build_dir=$1
version=$2
id=org.eluexplorer.EluExplorer
icon_sizes=(16 32 48 64 128 256)

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
need() {
    command -v "$1" >/dev/null 2>&1 ||
        { echo "FAIL: '$1' is not installed (scripts/install-deps.sh test)" >&2; exit 1; }
}
cmake=${CMAKE:-cmake}  # the configuring CMake, from CTest
for tool in "$cmake" desktop-file-validate appstreamcli file groff readelf xmllint \
    update-mime-database; do need "$tool"; done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

"$cmake" --install "$build_dir" --prefix "$prefix" >"$work/install.log" ||
    { cat "$work/install.log" >&2; echo "FAIL: cmake --install" >&2; exit 1; }

bin=$prefix/bin/elu-explorer
desktop=$prefix/share/applications/$id.desktop
metainfo=$prefix/share/metainfo/$id.metainfo.xml
manpage=$prefix/share/man/man1/elu-explorer.1
mime=$prefix/share/mime/packages/$id.xml
expected=(
    "$bin" "$desktop" "$metainfo" "$manpage" "$mime"
    "$prefix/share/icons/hicolor/scalable/apps/$id.svg"
    "$prefix/share/doc/elu-explorer/LICENSE"
)
for size in "${icon_sizes[@]}"; do
    expected+=("$prefix/share/icons/hicolor/${size}x${size}/apps/$id.png")
done
for path in "${expected[@]}"; do
    [ -s "$path" ] || fail "missing or empty: ${path#"$prefix"/}"
done
[ -x "$bin" ] || fail "bin/elu-explorer is not executable"
# Nothing installed that the list above does not know about.
while IFS= read -r path; do
    known=0
    for e in "${expected[@]}"; do [ "$path" = "$e" ] && known=1; done
    [ $known -eq 1 ] || fail "unexpected installed file: ${path#"$prefix"/}"
done < <(find "$prefix" -type f)
[ $failures -eq 0 ] || { echo "$failures problem(s) in the install tree" >&2; exit 1; }

# Icons: each PNG has its directory's size; the SVG is an SVG.
for size in "${icon_sizes[@]}"; do
    png=$prefix/share/icons/hicolor/${size}x${size}/apps/$id.png
    file -b "$png" | grep -q "^PNG image data, $size x $size," ||
        fail "icon ${size}x${size} is: $(file -b "$png")"
done
file -b "$prefix/share/icons/hicolor/scalable/apps/$id.svg" | grep -q 'SVG' ||
    fail "the scalable icon is not an SVG"

# The validators, on the installed files.
desktop-file-validate "$desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net --strict "$metainfo" || fail "appstreamcli validate"
appstreamcli validate-tree --no-net --strict "$prefix" || fail "appstreamcli validate-tree"

# The session MIME type: valid against the DTD of shared-mime-info's own database, and
# update-mime-database (in a scratch tree) maps *.elusession to it, a kind of JSON.
mime_type=application/x-elu-explorer-session
system_mime=/usr/share/mime/packages/freedesktop.org.xml
if [ -f "$system_mime" ]; then
    sed -n '/^<!DOCTYPE mime-info \[/,/^\]>/p' "$system_mime" | sed '1d;$d' >"$work/mime.dtd"
    xmllint --noout --dtdvalid "$work/mime.dtd" "$mime" || fail "xmllint: $mime is not valid"
else
    xmllint --noout "$mime" || fail "xmllint: $mime is not well-formed"
fi
mkdir -p "$work/mime/packages"
cp "$mime" "$work/mime/packages/"
XDG_DATA_DIRS=$work update-mime-database "$work/mime" >"$work/mime.log" 2>&1 ||
    fail "update-mime-database: $(cat "$work/mime.log")"
grep -qi 'warning\|error\|invalid\|unknown' "$work/mime.log" &&
    fail "update-mime-database complains: $(cat "$work/mime.log")"
grep -qxF "50:$mime_type:*.elusession" "$work/mime/globs2" ||
    fail "*.elusession is not $mime_type in globs2: $(grep -i elu "$work/mime/globs2")"
grep -qxF "$mime_type application/json" "$work/mime/subclasses" ||
    fail "$mime_type is not a subclass of application/json"
[ -s "$work/mime/application/x-elu-explorer-session.xml" ] || fail "no $mime_type in the database"

# The files agree with each other and with the project version.
desktop_value() { sed -n "s/^$1=//p" "$desktop"; }
[ "$(desktop_value Exec | cut -d' ' -f1)" = elu-explorer ] || fail "desktop Exec is not elu-explorer"
[ "$(desktop_value Icon)" = "$id" ] || fail "desktop Icon is not $id"
[ "$(desktop_value Exec)" = "elu-explorer %f" ] || fail "desktop Exec does not open a file (%f)"
desktop_value MimeType | tr ';' '\n' | grep -qxF "$mime_type" ||
    fail "desktop MimeType does not list $mime_type"
grep -q "<mime-type type=\"$mime_type\">" "$mime" || fail "$mime does not define $mime_type"
grep -q "<id>$id</id>" "$metainfo" || fail "metainfo id is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
    fail "metainfo does not launch $id.desktop"
grep -q '<binary>elu-explorer</binary>' "$metainfo" || fail "metainfo does not provide the binary"
newest=$(grep -o '<release version="[^"]*"' "$metainfo" | head -n 1 | cut -d'"' -f2)
[ "$newest" = "$version" ] ||
    fail "newest metainfo release is '$newest', project version is $version"
grep -q "^\.TH ELU-EXPLORER 1 .*\"ELU Explorer $version\"" "$manpage" ||
    fail "man page .TH does not carry version $version"

# The installed binary: runs with no display, and uses nothing from the build tree.
if readelf -d "$bin" | grep -E 'R(UN)?PATH' | grep -qF "$(cd "$build_dir" && pwd)"; then
    fail "installed binary has an RPATH into the build tree"
fi
run() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$work/home" "$bin" "$@"; }
[ "$(run --version)" = "elu-explorer $version" ] || fail "--version printed '$(run --version)'"
if run --json "$work/out/x.json" --png "$work/out/x.png"; then
    grep -q '"generator": "elu-explorer '"$version"'"' "$work/out/x.json" ||
        fail "JSON generator is not elu-explorer $version"
    grep -q '"points": 1000,' "$work/out/x.json" || fail "JSON does not hold the default 1000 points"
    file -b "$work/out/x.png" | grep -q '^PNG image data, 1600 x 1200,' ||
        fail "PNG export is: $(file -b "$work/out/x.png")"
else
    fail "installed binary failed to export (exit status $?)"
fi
status=0
run --alpha 101 --json "$work/out/bad.json" 2>/dev/null || status=$?
[ $status -eq 2 ] || fail "--alpha 101 exited with $status, expected 2"

# The man page renders without warnings and documents every option --help lists.
warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$manpage" 2>&1)
[ -z "$warnings" ] || fail "man page warnings: $warnings"
options=$(run --help | grep -oE '^ +(-[a-z?], )?--[a-z-]+' | grep -oE -- '--[a-z-]+')
[ -n "$options" ] || fail "no options found in --help"
LC_ALL=C groff -man -Tascii -P-cbou "$manpage" >"$work/manpage.txt" 2>/dev/null
for option in $options; do
    # Documented as an item of its own (".TP" heading), not just mentioned in passing.
    grep -qE -- "^ +(-[a-z], )?$option( |\$)" "$work/manpage.txt" ||
        fail "man page does not document $option"
done

[ $failures -eq 0 ] || { echo "$failures problem(s) in the install tree" >&2; exit 1; }
echo "install tree complete: ${#expected[@]} files, validators pass, binary runs headless"
