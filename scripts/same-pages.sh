#!/usr/bin/env bash
# Speed changes no document: builds the default conference with two vinhdanh binaries, renders
# every page of every PDF at 100 dpi with pdftoppm and compares the images pixel for pixel
# (the PNG of each page, by checksum). PDF bytes may differ; what prints must not.
#
#   scripts/same-pages.sh [BASE [NEW [PROJECT]]]
#
# BASE: a vinhdanh binary, or a git ref whose source is built (default: main); NEW: a binary
# (default: this checkout, built in release). Builds use $CARGO_TARGET_DIR (or ./target).
# PROJECT: a project folder to build instead of the default conference (e.g. one kept by
# `cargo run --release --example bench -- 50 --keep DIR`: DIR/bench-50); built with --force,
# as the bench does, since generated lists do not keep to the plan's numbers.
# Exit 0 when every page of every PDF is the same image, 1 otherwise (the differing pages are
# listed). Needs pdftoppm (poppler-utils).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
base=${1:-main}
new=${2:-}
project=${3:+$(cd "$3" && pwd)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target=${CARGO_TARGET_DIR:-$here/target}

binary_of() { # ref-or-binary → path of a binary
  if [[ -x "$1" && -f "$1" ]]; then echo "$1"; return; fi
  local src="$work/src-$(echo "$1" | tr '/' '_')"
  mkdir -p "$src"
  git -C "$here" archive "$1" | tar -x -C "$src"
  (cd "$src" && CARGO_TARGET_DIR="$target" cargo build --release --locked --quiet >&2)
  cp "$target/release/vinhdanh" "$work/vinhdanh-$(echo "$1" | tr '/' '_')"
  echo "$work/vinhdanh-$(echo "$1" | tr '/' '_')"
}

base_bin=$(binary_of "$base")
if [[ -z "$new" ]]; then
  (cd "$here" && CARGO_TARGET_DIR="$target" cargo build --release --locked --quiet >&2)
  new_bin="$target/release/vinhdanh"
else
  new_bin=$(binary_of "$new")
fi

render() { # binary, name → page checksums in $work/name.sums
  local out="$work/$2"
  mkdir -p "$out"
  if [[ -n "$project" ]]; then
    "$1" build --force --out "$out/pdf" "$project" >/dev/null 2>&1 || { echo "build with $1 failed" >&2; exit 2; }
  else
    (cd "$out" && "$1" build --out pdf >/dev/null 2>&1) || { echo "build with $1 failed" >&2; exit 2; }
  fi
  (cd "$out/pdf" && find . -name '*.pdf' | sort) | while read -r f; do
    mkdir -p "$out/png/$f"
    printf '%s\0' "$f"
  done | xargs -0 -P "$(nproc)" -I{} pdftoppm -r 100 -png "$out/pdf/{}" "$out/png/{}/p"
  (cd "$out/png" && find . -name '*.png' | sort | xargs md5sum) > "$work/$2.sums"
}

render "$base_bin" base
render "$new_bin" new
pdfs=$(cd "$work/new/pdf" && find . -name '*.pdf' | wc -l)
pages=$(wc -l < "$work/new.sums")
if diff -u "$work/base.sums" "$work/new.sums" > "$work/diff"; then
  echo "same images: $pdfs PDFs, $pages pages at 100 dpi"
else
  echo "DIFFERENT pages (base vs new):"
  grep '^[-+][^-+]' "$work/diff" || true
  exit 1
fi
