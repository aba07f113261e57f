#!/usr/bin/env bash
# A change that must not change any document (a refactor): builds the default conference and
# every fixture project that builds with two vinhdanh binaries and compares every output file
# byte for byte (`diff -r`). Stricter than same-pages.sh, which compares rendered pages.
#
#   scripts/same-bytes.sh OLD NEW
#
# OLD, NEW: vinhdanh binaries. Exit 0 when every output of every project is identical.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
old=$(realpath "$1"); new=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
projects=("")
while IFS= read -r d; do projects+=("$d"); done < <(
  find "$here/tests/fixtures" -type d -name data -prune -printf '%h\n' | sort)
fail=0; n=0; files=0
for p in "${projects[@]}"; do
  name=${p#"$here/tests/fixtures/"}; name=${name:-default}
  for side in old new; do
    bin=$old; [[ $side == new ]] && bin=$new
    dest="$work/$side/$name"
    mkdir -p "$dest"
    if [[ -z $p ]]; then
      (cd "$dest" && "$bin" build -q --force >/dev/null 2>&1) || true
    else
      cp -r "$p" "$dest/project"
      "$bin" build "$dest/project" -q --force --out "$dest/out" >/dev/null 2>&1 || true
      rm -rf "$dest/project"
    fi
  done
  n=$((n + 1))
  files=$((files + $(find "$work/old/$name" -type f | wc -l)))
  if ! diff -r -x ".vinhdanh-lock*" "$work/old/$name" "$work/new/$name" >/dev/null; then
    echo "DIFFERENT: $name"; diff -rq -x ".vinhdanh-lock*" "$work/old/$name" "$work/new/$name" | head -5; fail=1
  fi
done
echo "$n projects, $files files compared: $([[ $fail == 0 ]] && echo identical || echo DIFFERENT)"
exit $fail
