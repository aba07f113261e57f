#!/bin/sh
# Rewrites the reference pages (tests/reference/*.png) from the current build: run after a
# deliberate layout change, then review the changed images before committing them.
# Needs poppler-utils (pdftoppm). See tests/reference.rs.
set -eu
cd "$(dirname "$0")/.."
UPDATE_REFERENCE=1 cargo test --release --test suite -- reference::every_page_matches_its_reference "$@"
echo "changed reference pages:"
git status --short tests/reference | head -50
