#!/usr/bin/env python3
# check-flatpak.py — checks what can be checked of the Flatpak manifest without a runtime
#
# Copyright 2026 The Samtykke authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak.py MANIFEST [FLATPAK_BUILDER]

import json
import os
import subprocess
import sys
import tempfile

APP_ID = 'io.github.samtykke.Samtykke'
# Access the editor must not ask for: files come through the file chooser portal.
FORBIDDEN = ('--filesystem=host', '--filesystem=home', '--filesystem=host-os',
             '--filesystem=host-etc', '--socket=session-bus', '--socket=system-bus',
             '--device=all', '--talk-name=org.freedesktop.Flatpak')


def main():
    manifest_path = sys.argv[1]
    builder = sys.argv[2] if len(sys.argv) > 2 else None
    problems = []

    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)

    app_id = manifest.get('id', manifest.get('app-id'))
    if app_id != APP_ID:
        problems.append(f'the app id is {app_id!r}, not {APP_ID!r}')
    if manifest.get('command') != 'samtykke':
        problems.append('the command is not samtykke')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        problems.append('the manifest does not build on the GNOME runtime')

    finish_args = manifest.get('finish-args', [])
    for arg in finish_args:
        if arg.startswith(FORBIDDEN):
            problems.append(f'finish-args asks for broad access: {arg}')
        if arg.startswith('--filesystem='):
            problems.append(f'finish-args asks for file system access: {arg}; '
                            'use the file chooser portal')
    for needed in ('--socket=wayland', '--socket=fallback-x11', '--share=ipc'):
        if needed not in finish_args:
            problems.append(f'finish-args lacks {needed}')

    modules = manifest.get('modules', [])
    names = [m.get('name') if isinstance(m, dict) else m for m in modules]
    if not modules or names[-1] != 'samtykke':
        problems.append('the last module is not samtykke')
    else:
        ours = modules[-1]
        if ours.get('buildsystem') != 'meson':
            problems.append('samtykke is not built with meson')
        sources = ours.get('sources', [])
        base = os.path.dirname(os.path.abspath(manifest_path))
        for source in sources:
            if source.get('type') == 'dir':
                top = os.path.join(base, source.get('path', ''))
                if not os.path.isfile(os.path.join(top, 'meson.build')):
                    problems.append(f'the dir source {source.get("path")} is not the project')
        if not sources:
            problems.append('samtykke has no sources')
    # json-glib and WebKitGTK come from the runtime; building them again would only go stale.
    for name in names:
        if name and any(lib in name.lower() for lib in ('json-glib', 'webkit', 'gtk', 'adwaita')):
            problems.append(f'module {name} duplicates a library of the GNOME runtime')

    if builder:
        env = dict(os.environ, G_DEBUG='fatal-warnings')
        # flatpak-builder leaves a state folder where it runs.
        with tempfile.TemporaryDirectory() as scratch:
            shown = subprocess.run([builder, '--show-manifest', os.path.abspath(manifest_path)],
                                   capture_output=True, text=True, env=env, cwd=scratch)
        if shown.returncode != 0 or 'WARNING' in shown.stderr:
            problems.append('flatpak-builder does not accept the manifest:\n' + shown.stderr)
        else:
            print('# flatpak-builder --show-manifest accepts the manifest')

    for p in problems:
        print('error: ' + p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
