#!/usr/bin/env python3
# check-po.py — checks that po/POTFILES.in lists exactly the files with translatable text and
# that the Danish catalogue translates every message of the current sources
#
# Copyright 2026 The Samtykke authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po.py SOURCE_ROOT            run the checks (exit 1 on any problem)
#        check-po.py SOURCE_ROOT --update   merge new messages of the sources into the catalogues

import os
import re
import subprocess
import sys
import tempfile

# The same extraction rules as i18n.gettext(preset: 'glib') in po/meson.build.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments', '--package-name=samtykke',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format',
]

# A call of a gettext macro or function on a string literal; the functions that take a domain
# first, as in g_dngettext (GETTEXT_PACKAGE, "...", ...), count with it.
C_MARKER = re.compile(r'(?<![\w.>])(?:(?:_|N_|C_|NC_|Q_|gettext|ngettext)\s*\(\s*"'
                      r'|(?:g_dngettext|g_dpgettext2)\s*\(\s*(?:\w+\s*,\s*)?")')
# A message continued by a macro, such as _("%" G_GINT64_FORMAT " items"): xgettext stops at
# the macro, so the catalogue holds a different message and the whole one is never translated.
CUT_MESSAGE = re.compile(r'(?<![\w.>])(?:_|N_|C_|NC_)\s*\(\s*(?:"(?:[^"\\\n]|\\.)*"\s*,\s*)?'
                         r'(?:"(?:[^"\\\n]|\\.)*"\s*)+([A-Z_][A-Z0-9_]*)')
UI_MARKER = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')
ALWAYS_TRANSLATABLE = ('.desktop.in', '.metainfo.xml.in', '.gschema.xml')
SCANNED_DIRS = ('src', 'data')


def read_potfiles(root):
    listed = []
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            if line.startswith('['):
                line = line.split(']', 1)[1].strip()
            listed.append(line)
    return listed


def has_translatable_text(path):
    if path.endswith(ALWAYS_TRANSLATABLE):
        return True
    if not path.endswith(('.c', '.h', '.ui', '.xml')):
        return False
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    if path.endswith(('.c', '.h')):
        # Comments may quote a marker without being one.
        text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
        text = re.sub(r'//[^\n]*', '', text)
        return C_MARKER.search(text) is not None
    return UI_MARKER.search(text) is not None


def cut_messages(root, listed):
    """Problems for translatable messages that a macro splits."""
    problems = []
    for path in listed:
        if not path.endswith(('.c', '.h')):
            continue
        with open(os.path.join(root, path), encoding='utf-8', errors='replace') as f:
            text = f.read()
        for match in CUT_MESSAGE.finditer(text):
            line = text.count('\n', 0, match.start()) + 1
            problems.append(f'{path}:{line}: the translatable message is cut by the macro '
                            f'{match.group(1)}, so it is never translated; format that part '
                            'separately or use a plain conversion such as %d')
    return problems


def translatable_files(root):
    found = set()
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(('.', '_build')))
            for name in filenames:
                path = os.path.join(dirpath, name)
                if has_translatable_text(path):
                    found.add(os.path.relpath(path, root))
    return found


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs)


def extract(root, listed, pot):
    with tempfile.NamedTemporaryFile('w', suffix='.list', delete=False) as f:
        f.write('\n'.join(listed) + '\n')
        files_from = f.name
    try:
        run(['xgettext', *XGETTEXT_ARGS, '--directory', root, '--files-from', files_from,
             '--output', pot])
    finally:
        os.unlink(files_from)


def linguas(root):
    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        return [w for line in f if not line.startswith('#') for w in line.split()]


def msgids(catalogue):
    """The message ids of a catalogue's entries, except the header, joined across lines."""
    ids = []
    for entry in catalogue.split('\n\n'):
        lines = entry.split('\n')
        for i, line in enumerate(lines):
            if line.startswith('msgid '):
                parts = [line[len('msgid '):]]
                for more in lines[i + 1:]:
                    if not more.startswith('"'):
                        break
                    parts.append(more)
                text = ''.join(p[1:-1] for p in parts)
                if text:
                    ids.append(text)
                break
    return ids


def check_catalogue(po, pot, tmpdir):
    """Returns a list of problems of one catalogue against the current template."""
    problems = []
    result = subprocess.run(['msgfmt', '--check', '--output-file', os.devnull, po],
                            capture_output=True, text=True)
    if result.returncode != 0:
        problems.append('msgfmt --check failed:\n' + result.stderr)
        return problems

    merged = os.path.join(tmpdir, os.path.basename(po))
    run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--output-file', merged, po, pot])
    for what, flag in (('untranslated', '--untranslated'), ('fuzzy', '--only-fuzzy')):
        out = run(['msgattrib', flag, '--no-obsolete', merged]).stdout
        for msgid in msgids(out):
            problems.append(f'{what} message: "{msgid}"')
    stats = run(['msgfmt', '--statistics', '--output-file', os.devnull, merged]).stderr.strip()
    print(f'# {os.path.basename(po)}: {stats}')
    # The statistics decide, whatever the listing above could parse.
    if re.search(r'\b(untranslated|fuzzy)\b', stats) and not problems:
        problems.append(stats)
    return problems


def main():
    root = os.path.abspath(sys.argv[1])
    update = '--update' in sys.argv[2:]
    problems = []

    listed = read_potfiles(root)
    for path in listed:
        if not os.path.isfile(os.path.join(root, path)):
            problems.append(f'po/POTFILES.in lists {path}, which does not exist')
        elif not has_translatable_text(os.path.join(root, path)):
            problems.append(f'po/POTFILES.in lists {path}, which has no translatable text')
    for path in sorted(translatable_files(root) - set(listed)):
        problems.append(f'{path} has translatable text but is missing from po/POTFILES.in')
    if problems:
        for p in problems:
            print('error: ' + p)
        return 1

    with tempfile.TemporaryDirectory() as tmpdir:
        pot = os.path.join(tmpdir, 'samtykke.pot')
        extract(root, listed, pot)
        for lang in linguas(root):
            po = os.path.join(root, 'po', lang + '.po')
            if not os.path.isfile(po):
                problems.append(f'po/LINGUAS names {lang}, but po/{lang}.po does not exist')
                continue
            if update:
                run(['msgmerge', '--quiet', '--update', '--backup=none', '--no-fuzzy-matching',
                     po, pot])
                continue
            problems += [f'po/{lang}.po: {p}' for p in check_catalogue(po, pot, tmpdir)]

    if not update:
        problems += cut_messages(root, [p for p in listed
                                        if os.path.isfile(os.path.join(root, p))])
    for p in problems:
        print('error: ' + p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
