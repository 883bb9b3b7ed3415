#!/bin/sh
# run.sh — build the libFuzzer targets with clang and run each for a bounded time
#
# Copyright 2026 The Samtykke authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/fuzz/run.sh [SECONDS] [TARGET...]
# Builds the core library with clang, AddressSanitizer, UBSan and coverage instrumentation in
# _build-fuzz, links each target (fuzz-load, fuzz-export, fuzz-har, fuzz-csv, fuzz-config;
# default: all) against it, and fuzzes each for SECONDS (default 60), starting from its seeds:
# the example policies, the golden files and tests/fuzz/seeds for the policy targets;
# tests/audit/har and tests/fuzz/har-seeds for the HAR reader; tests/fuzz/csv-seeds for the
# spreadsheet reader; tests/fuzz/config-seeds and tests/interop/configs for the configuration
# importer. Corpora grow in the build folder; inputs that fail are saved under
# tests/fuzz/crashes/. Exits non-zero when a target fails.
# FUZZ_CC names the compiler (default clang-14); FUZZ_ARGS adds libFuzzer options.

set -eu

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir="$source_dir/_build-fuzz"
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-fuzz-load fuzz-export fuzz-har fuzz-csv fuzz-config}
cc=${FUZZ_CC:-clang-14}

if [ ! -d "$build_dir" ]; then
  CC="$cc" meson setup "$build_dir" "$source_dir" \
    --buildtype=debugoptimized -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link
fi
ninja -C "$build_dir" src/core/libstk-core.a

mkdir -p "$source_dir/tests/fuzz/crashes"
status=0
for target in $targets; do
  # shellcheck disable=SC2046
  "$cc" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$build_dir" -I"$source_dir/src/core" -I"$build_dir/src/core" \
    "$source_dir/tests/fuzz/$target.c" "$build_dir/src/core/libstk-core.a" \
    $(pkg-config --cflags --libs json-glib-1.0 gio-2.0 glib-2.0) \
    -o "$build_dir/$target"

  corpus="$build_dir/corpus-$target"
  mkdir -p "$corpus"
  case $target in
    fuzz-har)
      seeds="$source_dir/tests/audit/har/* $source_dir/tests/fuzz/har-seeds/*"
      dict="$source_dir/tests/fuzz/har.dict" ;;
    fuzz-csv)
      seeds="$source_dir/tests/fuzz/csv-seeds/*"
      dict="$source_dir/tests/fuzz/csv.dict" ;;
    fuzz-config)
      seeds="$source_dir/tests/fuzz/config-seeds/* $source_dir/tests/interop/configs/*"
      dict="$source_dir/tests/fuzz/config.dict" ;;
    *)
      seeds="$source_dir/data/examples/*.json $source_dir/tests/core/golden/*.json $source_dir/tests/fuzz/seeds/*.json"
      dict="$source_dir/tests/fuzz/policy.dict" ;;
  esac
  for seed in $seeds; do
    if [ -f "$seed" ]; then cp "$seed" "$corpus/"; fi
  done

  echo "== $target: $seconds s"
  # shellcheck disable=SC2086
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
  LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$source_dir/tests/lsan.supp:print_suppressions=0} \
    "$build_dir/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -dict="$dict" \
    -artifact_prefix="$source_dir/tests/fuzz/crashes/$target-" ${FUZZ_ARGS:-} "$corpus" ||
    status=1
done

exit $status
