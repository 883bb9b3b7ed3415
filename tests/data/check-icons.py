#!/usr/bin/env python3
# check-icons.py — checks that the icons load through gdk-pixbuf, as GTK loads them, at the
# sizes the icon theme expects
#
# Copyright 2026 The Samtykke authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-icons.py GDK_PIXBUF_CSOURCE APP_ICON SYMBOLIC_ICON

import re
import subprocess
import sys
import xml.etree.ElementTree as ET


def main():
    csource, app_icon, symbolic_icon = sys.argv[1:4]
    problems = []

    for path, size in ((app_icon, '128'), (symbolic_icon, '16')):
        # gdk-pixbuf recognizes an SVG by the start of the file: the <svg> element must
        # come early, before any long comment.
        loaded = subprocess.run([csource, path], capture_output=True, text=True)
        if loaded.returncode != 0:
            problems.append(f'{path} does not load with gdk-pixbuf: {loaded.stderr.strip()}')
        root = ET.parse(path).getroot()
        if root.get('width') != size or root.get('height') != size:
            problems.append(f'{path} is not {size}×{size}')

    with open(symbolic_icon, encoding='utf-8') as f:
        colours = set(re.findall(r'#[0-9a-fA-F]{6}\b', f.read()))
    if len(colours) > 1:
        problems.append(f'the symbolic icon uses several colours: {sorted(colours)}')

    for p in problems:
        print('error: ' + p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
