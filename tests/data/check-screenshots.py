#!/usr/bin/env python3
# check-screenshots.py — checks that every screenshot the metainfo names is in data/screenshots
# as a PNG large enough for a software centre
#
# Copyright 2026 The Samtykke authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-screenshots.py METAINFO SCREENSHOTS_DIR

import os
import struct
import sys
import xml.etree.ElementTree as ET


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n':
        return None
    return struct.unpack('>II', head[16:24])


def main():
    metainfo, screenshots_dir = sys.argv[1:3]
    problems = []
    images = [i.text.strip() for i in ET.parse(metainfo).getroot().iter('image')]
    if not images:
        problems.append('the metainfo names no screenshot')
    for url in images:
        name = url.rsplit('/', 1)[-1]
        if not url.endswith('/data/screenshots/' + name):
            problems.append(f'{url} does not point into data/screenshots/')
        path = os.path.join(screenshots_dir, name)
        if not os.path.isfile(path):
            problems.append(f'data/screenshots/{name} is missing')
            continue
        size = png_size(path)
        if size is None:
            problems.append(f'data/screenshots/{name} is not a PNG')
        elif size[0] < 620 or size[1] < 350:
            problems.append(f'data/screenshots/{name} is only {size[0]}×{size[1]} pixels')
        else:
            print(f'# {name}: {size[0]}×{size[1]}')

    for p in problems:
        print('error: ' + p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
