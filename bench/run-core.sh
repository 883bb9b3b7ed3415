#!/bin/sh
# run-core.sh — build the core benchmark, generate the large policy and print the figures
#
# Copyright 2026 The Samtykke authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: bench/run-core.sh [BUILD_DIR] [bench-core options]
# The build folder (default _build-bench) is set up as an optimized build when it does not
# exist yet, so that the figures are not those of a debug build.

set -eu

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-"$source_dir/_build-bench"}
[ $# -gt 0 ] && shift

if [ ! -d "$build_dir" ]; then
  meson setup "$build_dir" "$source_dir" --buildtype=release
fi

ninja -C "$build_dir" bench/gen-policy bench/bench-core

"$build_dir/bench/bench-core" --generate "$build_dir/bench/gen-policy" "$@" \
  "$build_dir/bench/bench-policy.json"
