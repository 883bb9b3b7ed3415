#!/usr/bin/env python3
# check-man.py — formats each manual page with groff and fails on any warning
#
# Copyright 2026 The Samtykke authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-man.py GROFF PAGE...

import subprocess
import sys


def main():
    groff, pages = sys.argv[1], sys.argv[2:]
    failed = False
    for page in pages:
        result = subprocess.run([groff, '-man', '-ww', '-z', '-K', 'utf8', page],
                                capture_output=True, text=True)
        if result.returncode != 0 or result.stderr.strip():
            print(f'error: {page}:\n{result.stderr}')
            failed = True
        with open(page, encoding='utf-8') as f:
            text = f.read()
        for section in ('.SH NAME', '.SH SYNOPSIS', '.SH DESCRIPTION', '.SH SEE ALSO'):
            if section not in text:
                print(f'error: {page} has no {section[4:]} section')
                failed = True
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
