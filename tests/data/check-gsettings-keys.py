#!/usr/bin/env python3
# check-gsettings-keys.py — checks that every settings key the editor reads or writes is in the
# GSettings schema, so that a misspelt key fails here rather than aborting the editor
#
# Copyright 2026 The Samtykke authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-gsettings-keys.py SCHEMA SOURCE_DIR

import os
import re
import sys
import xml.etree.ElementTree as ET

# g_settings_get_int (settings, "window-width"), g_settings_bind (s, "preview-dark", ...), and
# helpers that take the settings object first and a key second.
KEY_USE = re.compile(r'\b(?:g_settings_[a-z_]+|settings_[a-z_]+)\s*\(\s*[^,()]+,\s*"([a-z0-9-]+)"')


def main():
    schema_path, source_dir = sys.argv[1:3]
    keys = {k.get('name') for k in ET.parse(schema_path).getroot().iter('key')}
    used = {}
    for dirpath, _, filenames in os.walk(source_dir):
        for name in filenames:
            if not name.endswith('.c'):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding='utf-8', errors='replace') as f:
                for key in KEY_USE.findall(f.read()):
                    used.setdefault(key, path)

    problems = [f'{path} uses the key “{key}”, which the schema does not have'
                for key, path in sorted(used.items()) if key not in keys]
    for key in sorted(keys - set(used)):
        print(f'# the schema key “{key}” is not used yet')
    for p in problems:
        print('error: ' + p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
