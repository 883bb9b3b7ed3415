#!/usr/bin/env python3
# check-install.py — installs the build into a temporary DESTDIR, checks the installed tree and
# runs the installed samtykke-cli on the installed example policy
#
# Copyright 2026 The Samtykke authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-install.py MESON BUILD_ROOT PREFIX BINDIR DATADIR MANDIR LOCALEDIR HAVE_APP

import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

APP_ID = 'io.github.samtykke.Samtykke'


def main():
    meson, build_root, prefix, bindir, datadir, mandir, localedir, have_app = sys.argv[1:9]
    have_app = have_app == 'true'
    problems = []

    destdir = tempfile.mkdtemp(prefix='samtykke-install-')
    try:
        env = dict(os.environ, DESTDIR=destdir)
        result = subprocess.run([meson, 'install', '-C', build_root, '--no-rebuild', '--quiet',
                                 '--destdir', destdir],
                                env=env, capture_output=True, text=True)
        if result.returncode != 0:
            print(result.stdout + result.stderr)
            print('error: meson install failed')
            return 1

        root = destdir + prefix

        def where(base, *parts):
            # Meson options may be relative to the prefix or absolute beneath it.
            base = base if os.path.isabs(base) else os.path.join(prefix, base)
            return os.path.join(destdir + base, *parts)

        expected = [
            where(bindir, 'samtykke-cli'),
            where(datadir, 'samtykke', 'policy.schema.json'),
            where(datadir, 'samtykke', 'examples', 'copenhagen.json'),
            where(datadir, 'samtykke', 'open-cookie-database', 'open-cookie-database.csv'),
            where(datadir, 'samtykke', 'open-cookie-database', 'LICENSE'),
            where(datadir, 'samtykke', 'open-cookie-database', 'README.md'),
            where(mandir, 'man1', 'samtykke-cli.1'),
            where(localedir, 'da', 'LC_MESSAGES', 'samtykke.mo'),
        ]
        desktop = where(datadir, 'applications', APP_ID + '.desktop')
        metainfo = where(datadir, 'metainfo', APP_ID + '.metainfo.xml')
        schemas = where(datadir, 'glib-2.0', 'schemas')
        if have_app:
            expected += [
                where(bindir, 'samtykke'),
                desktop,
                metainfo,
                os.path.join(schemas, APP_ID + '.gschema.xml'),
                where(datadir, 'icons', 'hicolor', 'scalable', 'apps', APP_ID + '.svg'),
                where(datadir, 'icons', 'hicolor', 'symbolic', 'apps', APP_ID + '-symbolic.svg'),
                where(mandir, 'man1', 'samtykke.1'),
            ]
        for path in expected:
            if not os.path.isfile(path):
                problems.append('not installed: ' + os.path.relpath(path, root))
            else:
                print('# installed: ' + os.path.relpath(path, root))
        for name in ('samtykke-cli', 'samtykke') if have_app else ('samtykke-cli',):
            path = where(bindir, name)
            if os.path.isfile(path) and not os.access(path, os.X_OK):
                problems.append(f'{name} is installed without execute permission')

        if have_app and os.path.isfile(desktop):
            with open(desktop, encoding='utf-8') as f:
                text = f.read()
            if 'Name[da]=' not in text or 'Comment[da]=' not in text:
                problems.append('the installed desktop file has no Danish translation')
            if 'MimeType=' in text and 'application/json;' in text:
                problems.append('the desktop file claims every JSON file')
            # The launcher must start an installed binary and show an installed icon.
            entry = dict(line.split('=', 1) for line in text.splitlines() if '=' in line)
            exec_name = entry.get('Exec', '').split()[0] if entry.get('Exec') else ''
            if not os.path.isfile(where(bindir, exec_name)):
                problems.append(f'the desktop file starts “{exec_name}”, which is not installed')
            icon = where(datadir, 'icons', 'hicolor', 'scalable', 'apps',
                         entry.get('Icon', '') + '.svg')
            if not os.path.isfile(icon):
                problems.append(f'the desktop file shows the icon “{entry.get("Icon")}”, '
                                'which is not installed')
            check = subprocess.run(['desktop-file-validate', desktop],
                                   capture_output=True, text=True)
            if check.returncode != 0:
                problems.append('installed desktop file is invalid:\n' + check.stdout)
        if have_app and os.path.isfile(metainfo):
            with open(metainfo, encoding='utf-8') as f:
                if 'xml:lang="da"' not in f.read():
                    problems.append('the installed metainfo has no Danish translation')
            component = ET.parse(metainfo).getroot()
            for launchable in component.iter('launchable'):
                if not os.path.isfile(where(datadir, 'applications', launchable.text.strip())):
                    problems.append(f'the metainfo launches {launchable.text}, '
                                    'which is not installed')
            for binary in component.iter('binary'):
                if not os.path.isfile(where(bindir, binary.text.strip())):
                    problems.append(f'the metainfo provides {binary.text}, which is not installed')
        if have_app and os.path.isdir(schemas):
            check = subprocess.run(['glib-compile-schemas', '--strict', '--dry-run', schemas],
                                   capture_output=True, text=True)
            if check.returncode != 0:
                problems.append('installed schema does not compile:\n' + check.stderr)

        mo = where(localedir, 'da', 'LC_MESSAGES', 'samtykke.mo')
        if os.path.isfile(mo):
            catalogue = subprocess.run(['msgunfmt', mo], capture_output=True, text=True)
            if catalogue.returncode != 0 or 'msgstr "Samtykke"' not in catalogue.stdout:
                problems.append('the installed Danish catalogue is not readable')

        cli = where(bindir, 'samtykke-cli')
        example = where(datadir, 'samtykke', 'examples', 'copenhagen.json')
        if os.path.isfile(cli) and os.path.isfile(example):
            run = subprocess.run([cli, 'validate', example], capture_output=True, text=True)
            print('# installed samtykke-cli validate: exit %d' % run.returncode)
            if run.returncode != 0:
                problems.append('the installed samtykke-cli rejects the installed example:\n'
                                + run.stdout + run.stderr)

            # The installed catalogue is found (TEXTDOMAINDIR stands in for the prefix's
            # locale folder) and the help changes language with it.
            helps = {}
            for lang in ('en', 'da'):
                env = dict(os.environ, LANGUAGE=lang, LC_ALL='C.UTF-8',
                           TEXTDOMAINDIR=where(localedir))
                helps[lang] = subprocess.run([cli, '--help'], capture_output=True, text=True,
                                             env=env).stdout
            if not helps['en'] or helps['en'] == helps['da']:
                problems.append('the installed samtykke-cli does not speak Danish with '
                                'LANGUAGE=da')
    finally:
        shutil.rmtree(destdir, ignore_errors=True)

    for p in problems:
        print('error: ' + p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
