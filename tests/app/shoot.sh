#!/bin/sh
# shoot.sh — screenshots of every editor page, light and dark, under Xvfb
# Copyright 2026 The Samtykke authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: [SHOOT_SIZE=1260x780] tests/app/shoot.sh BUILD_DIR OUT_DIR [FILE]
# (data/screenshots/editor-policy.png and editor-providers.png are the light ones at 1260x780)
set -eu
build=$1
out=$2
file=${3:-}
mkdir -p "$out"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" NO_AT_BRIDGE=1 GDK_BACKEND=x11
for page in policy texts categories providers sections preview problems; do
  for scheme in light dark; do
    xvfb-run -a -s '-screen 0 1280x800x24' \
      "$build/tests/app/shoot" "$page" "$out/editor-$page-$scheme.png" "$scheme" $file
  done
done
