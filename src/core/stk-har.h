/* stk-har.h — reading the cookies out of HAR files that browsers save
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-audit.h"

G_BEGIN_DECLS

/* The largest HAR file read (bigger ones are refused with a message naming the limit). The
 * file is mapped, not copied, and the bodies it holds are skipped, so memory stays near the
 * size of the largest single string in it. */
#define STK_HAR_MAX_SIZE (G_GUINT64_CONSTANT (4) << 30)
/* The most cookies (each sent or set cookie of each entry counts) one file may show. */
#define STK_HAR_MAX_SIGHTINGS 1000000

/* Reads HAR 1.2 (`log.entries`, in the order the file lists them) and feeds every cookie it
 * holds to @report: the cookies each request sent (`request.cookies`, or its Cookie header)
 * and each response set (`response.cookies` and the raw `Set-Cookie` headers). A request that
 * carries the policy's consent cookie grants the categories recorded in it from that request
 * on. A file with no cookie data at all adds a warning to @report saying how to save one with
 * cookies.
 * Returns: FALSE with @error (naming the file, line and column) when the file cannot be read or
 * is not a HAR file; nothing is added to @report then. */
gboolean stk_har_read       (StkAuditReport  *report,
                             const char      *filename,
                             GError         **error);
/* The same, for a HAR document in memory; @name is used in messages. */
gboolean stk_har_read_data  (StkAuditReport  *report,
                             const char      *data,
                             gsize            length,
                             const char      *name,
                             GError         **error);

G_END_DECLS
