#!/usr/bin/env bash
# Regenerates link/hot-text.ld, the list of the functions typical runs of
# resdiff execute, which release builds place together (build.rs; README,
# Performance). Run it after changes that add or rename much of the code
# the runs go through; a stale list costs memory, never correctness.
# Needs valgrind (Debian package `valgrind`).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "hot-text: needs valgrind (apt-get install valgrind)" >&2; exit 2; }

# The synthetic pair of the diff benchmark (tests/synthetic).
cargo bench --quiet --bench diff -- --write-pair
# The names are what matters, not the layout: build without the list. The
# release build comes after the bench, which leaves a binary built with
# other crate hashes in the same place.
RESDIFF_NO_HOT_TEXT=1 cargo build --release --quiet
bin=target/release/resdiff
pair=target/tmp/bench-diff/1x
old=$pair/SYNTHETIC-previous-edition.zh.txt
new=$pair/wtsa-24-same-layout.zh.txt

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() {
  local name=$1
  shift
  # resdiff exits 1 when the editions differ.
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$out/$name" \
    "$bin" "$@" >/dev/null 2>"$out/$name.log" || [ $? -eq 1 ]
}
# Most shared first: every run reads, normalizes and parses; the diffs
# align; the benchmark's run is `diff --format json`.
run diff-json diff "$old" "$new" --format json
run diff-text diff "$old" "$new" --color never
run diff-readme diff versions/wtsa-24 versions/wtsa-24-published
run diff-html diff "$old" "$new" --format html --review -o "$out/report.html"
run review review versions/wtsa-24
run parse parse versions/wtsa-24 --format json
cargo run --quiet --release --example hot_text -- "$bin" \
  "$out"/diff-json "$out"/diff-text "$out"/diff-readme "$out"/diff-html \
  "$out"/review "$out"/parse >link/hot-text.ld
echo "hot-text: wrote link/hot-text.ld ($(grep -c '^    \*(' link/hot-text.ld) functions)"
