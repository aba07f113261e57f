#!/usr/bin/env bash
# Makes the release files of this checkout in dist/ (or the folder given):
#   vinhdanh-VERSION-windows-x86_64.zip   vinhdanh.exe (Windows 10 or later, 64-bit), the
#                                         clerk's guide HUONG-DAN.txt, the office's example
#                                         lists in danh-sach-mau/
#   vinhdanh-VERSION-linux-x86_64.tar.gz  the same for Linux (glibc; built on Debian 12)
#   SHA256SUMS                            their SHA-256 sums (sha256sum -c SHA256SUMS)
# Both binaries are stripped; the files inside carry the commit's date, so the same commit
# gives the same archives. The Windows build is scripts/windows-build.sh (it installs Debian's
# Rust and mingw-w64 when missing); the Linux one is `cargo build --release --locked`.
#
#   scripts/release.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
out=$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
epoch=$(git log -1 --format=%ct 2>/dev/null || date +%s)
# Not exported as SOURCE_DATE_EPOCH: C build scripts (psm, through cc) rebuild on its change,
# and the release would not share the cached build of CI.
export TZ=UTC

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# The guide and the example lists (the CSV files as Excel saves them: a UTF-8 mark, Windows line
# ends); for Windows the guide too gets Windows line ends and a UTF-8 mark, so that every
# Notepad shows its Vietnamese letters.
fill() { # DIR CRLF
  mkdir -p "$1/danh-sach-mau"
  cp data/examples/* "$1/danh-sach-mau/"
  if [ "$2" = crlf ]; then
    { printf '\xef\xbb\xbf'; sed 's/$/\r/' HUONG-DAN.txt; } >"$1/HUONG-DAN.txt"
  else
    cp HUONG-DAN.txt "$1/"
  fi
  find "$1" -exec touch -h -d "@$epoch" {} +
}

# ---- Windows ----
exe=$(scripts/windows-build.sh | tail -n 1)
win=$stage/win
mkdir -p "$win"
x86_64-w64-mingw32-strip -o "$win/vinhdanh.exe" "$exe"
fill "$win" crlf
zipname=vinhdanh-$version-windows-x86_64.zip
rm -f "$out/$zipname"
# The files at the top of the archive: "Extract all" in Explorer makes one folder with
# vinhdanh.exe in it.
(cd "$win" && find . -type f | LC_ALL=C sort | sed 's|^\./||' | zip -X -9 -q "$out/$zipname" -@)

# ---- Linux ----
if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
cargo build --release --locked --bin vinhdanh >&2
linux_bin=${CARGO_TARGET_DIR:-$repo/target}/release/vinhdanh
lin=$stage/vinhdanh-$version-linux-x86_64
mkdir -p "$lin"
strip -o "$lin/vinhdanh" "$linux_bin"
fill "$lin" lf
tarname=vinhdanh-$version-linux-x86_64.tar.gz
tar -C "$stage" --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
  -cf - "$(basename "$lin")" | gzip -9 -n >"$out/$tarname"

(cd "$out" && sha256sum "$zipname" "$tarname" >SHA256SUMS)

size() { stat -c %s "$1"; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
echo "release $version in $out:"
echo "  $zipname  $(mib "$(size "$out/$zipname")")  (vinhdanh.exe $(mib "$(size "$win/vinhdanh.exe")") stripped, from $(mib "$(size "$exe")"))"
echo "  $tarname  $(mib "$(size "$out/$tarname")")  (vinhdanh $(mib "$(size "$lin/vinhdanh")") stripped, from $(mib "$(size "$linux_bin")"))"
sed 's/^/  /' "$out/SHA256SUMS"
