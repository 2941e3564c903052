#!/bin/sh
# Checks a built Debian package as a distribution would: lintian (no errors; warnings are printed), the
# desktop entry (desktop-file-validate), the AppStream metadata (appstreamcli validate, no network), the
# MIME types (update-mime-database on a copy: "GGUF" at offset 0 must be application/x-gguf), and that the
# man pages, the bash completion and the hicolor PNG icons are there.
# Usage: check_package.sh PACKAGE.deb
set -eu
deb=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
fail() { echo "check_package.sh: $*" >&2; exit 1; }

echo "-- lintian"
lintian --fail-on error --display-info --tag-display-limit 0 "$deb"

dpkg-deb -x "$deb" "$root"
echo "-- desktop-file-validate"
desktop-file-validate "$root"/usr/share/applications/io.github.qexplore.desktop
echo "-- appstreamcli validate"
appstreamcli validate --no-net --pedantic "$root"/usr/share/metainfo/io.github.qexplore.metainfo.xml

echo "-- MIME types"
mkdir -p "$root/mime/packages"
cp /usr/share/mime/packages/freedesktop.org.xml "$root"/usr/share/mime/packages/io.github.qexplore.xml "$root/mime/packages/"
update-mime-database "$root/mime" 2>/dev/null
grep -q ':application/x-gguf:\*\.gguf$' "$root/mime/globs2" || fail "*.gguf is not application/x-gguf"
grep -q 'application/x-gguf' "$root/mime/magic" || fail "no magic for application/x-gguf"

echo "-- files"
for f in usr/bin/qexplore usr/bin/qexplore-cli usr/share/man/man1/qexplore.1.gz usr/share/man/man1/qexplore-cli.1.gz \
         usr/share/bash-completion/completions/qexplore-cli usr/share/doc/qexplore/copyright \
         usr/share/doc/qexplore/changelog.gz usr/share/doc/qexplore/README.md \
         usr/share/icons/hicolor/scalable/apps/io.github.qexplore.svg; do
    [ -e "$root/$f" ] || fail "missing /$f"
done
for size in 16 22 24 32 48 64 128 256 512; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/io.github.qexplore.png"
    [ -e "$png" ] || fail "missing icon ${size}x${size}"
done
echo "package checks passed: $(basename "$deb")"
