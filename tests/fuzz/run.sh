#!/bin/sh
# run.sh — build the libFuzzer targets with clang and run them for a bounded time
#
# Copyright 2026 The Samtykke authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/fuzz/run.sh [SECONDS] [libFuzzer options]
# Builds the core library with clang, AddressSanitizer and coverage instrumentation in
# _build-fuzz, links tests/fuzz/fuzz-load.c against it, and fuzzes for SECONDS (default 60),
# starting from the example policies and the golden files. The corpus grows in the build
# folder; inputs that crash are saved under tests/fuzz/crashes/. Exits non-zero on a crash.

set -eu

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir="$source_dir/_build-fuzz"
seconds=${1:-60}
[ $# -gt 0 ] && shift
cc=${FUZZ_CC:-clang-14}

if [ ! -d "$build_dir" ]; then
  CC="$cc" meson setup "$build_dir" "$source_dir" \
    --buildtype=debugoptimized -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link
fi
ninja -C "$build_dir" src/core/libstk-core.a

# shellcheck disable=SC2046
"$cc" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$build_dir" -I"$source_dir/src/core" -I"$build_dir/src/core" \
  "$source_dir/tests/fuzz/fuzz-load.c" "$build_dir/src/core/libstk-core.a" \
  $(pkg-config --cflags --libs json-glib-1.0 gio-2.0 glib-2.0) \
  -o "$build_dir/fuzz-load"

corpus="$build_dir/fuzz-corpus"
mkdir -p "$corpus" "$source_dir/tests/fuzz/crashes"
for seed in "$source_dir"/data/examples/*.json "$source_dir"/tests/core/golden/*.json \
            "$source_dir"/tests/fuzz/seeds/*.json; do
  [ -f "$seed" ] && cp "$seed" "$corpus/"
done

ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$source_dir/tests/lsan.supp:print_suppressions=0} \
  "$build_dir/fuzz-load" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -dict="$source_dir/tests/fuzz/policy.dict" \
  -artifact_prefix="$source_dir/tests/fuzz/crashes/" "$@" "$corpus"
