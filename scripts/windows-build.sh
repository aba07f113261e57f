#!/usr/bin/env bash
# Cross-builds vinhdanh.exe for 64-bit Windows (10 or later) on Debian 12, with Debian's own
# Rust (the packages rustc-web, cargo-web, rust-web-src: rustup's toolchain cannot add the
# Windows target on this machine) and mingw-w64 as the linker. Installs those packages when
# they are missing (as root, with apt). The standard library is built from source for the
# target (-Zbuild-std, allowed on a stable compiler by RUSTC_BOOTSTRAP=1), with the same
# Cargo.lock as the Linux build (--locked).
#
#   scripts/windows-build.sh            prints the path of the built .exe as its last line
#
# The target folder is kept outside the clone, so that a later run on the same machine (CI
# included) finds it warm: $VINHDANH_WINDOWS_TARGET, by default
# ~/.cache/vinhdanh/target-windows. Cold: about 20 minutes on 2 cores; warm, after a change to
# vinhdanh alone: about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=x86_64-pc-windows-gnu
TARGET_DIR=${VINHDANH_WINDOWS_TARGET:-$HOME/.cache/vinhdanh/target-windows}

need=()
[ -x /usr/bin/rustc ] || need+=(rustc-web)
[ -x /usr/bin/cargo ] || need+=(cargo-web)
[ -d /usr/lib/rustlib/src/rust/library ] || need+=(rust-web-src)
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need+=(gcc-mingw-w64-x86-64)
if [ ${#need[@]} -gt 0 ]; then
  echo "windows-build: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Debian's cargo and rustc (not rustup's, which may come first on PATH), and nothing of a
# calling cargo's environment.
# SOURCE_DATE_EPOCH too: the cc crate's build scripts (psm) rebuild, with typst above them,
# whenever it changes.
unset RUSTC_WRAPPER RUSTUP_TOOLCHAIN CARGO_BUILD_TARGET RUSTFLAGS CARGO_ENCODED_RUSTFLAGS SOURCE_DATE_EPOCH
export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
export CARGO_TARGET_DIR=$TARGET_DIR
mkdir -p "$TARGET_DIR"

echo "windows-build: $(/usr/bin/rustc --version), target $TARGET, into $TARGET_DIR" >&2
start=$(date +%s)
/usr/bin/cargo build --locked --release --bin vinhdanh \
  -Zbuild-std=std,panic_abort --target "$TARGET" >&2
exe=$TARGET_DIR/$TARGET/release/vinhdanh.exe
echo "windows-build: $exe ($(( $(stat -c %s "$exe") / 1048576 )) MiB) in $(( $(date +%s) - start )) s" >&2
echo "$exe"
