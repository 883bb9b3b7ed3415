/* stk-har-private.h — the HAR reader's state, shared by stk-har.c and stk-har-match.c
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stk-core-private.h"
#include "stk-error.h"
#include "stk-cookie-header.h"
#include "stk-har.h"
#include "stk-json.h"

G_BEGIN_DECLS

/* One entry of log.entries: what it sent and what was set. */
typedef struct
{
  const char *at;                /* where the entry starts */
  char       *url;
  char       *started;
  GPtrArray  *sent;              /* StkHeaderCookie: request.cookies */
  char       *cookie_header;     /* the request's Cookie header, when request.cookies is empty */
  GPtrArray  *set;               /* StkHeaderCookie: response.cookies */
  GPtrArray  *set_headers;       /* char *: raw Set-Cookie header values */
} Entry;

typedef struct
{
  StkAuditReport *report;
  StkPolicy      *policy;
  StkJsonReader   reader;
  const char     *name;
  GPtrArray      *observations;  /* Observation copies, fed to the report only on success */
  GStrv           granted;       /* NULL until a request carries a consent cookie */
  GPtrArray      *consents;      /* Consent: every consent cookie seen, with its time */
  gint64          entry_ms;      /* the start of the entry being read, in ms, or 0 */
  gint64          first_ms;      /* the earliest entry's start, in ms, or 0 */
  char           *site_host;     /* the first request's host, when the policy names no domain */
  GHashTable     *set_domains;   /* cookie name -> GPtrArray of domains it was set for */
  GHashTable     *pages;         /* page URL -> itself: pages added to the report */
  GPtrArray      *page_order;
  guint           n_cookies;

  /* The place of the last position computed, to count lines and columns forward only. */
  const char     *counted;
  int             line;
  int             column;
} Har;

/* An observation and the strings it owns, kept until the whole file has been read. */
typedef struct
{
  StkObservation  o;
  char           *name;
  char           *domain;
  char           *path;
  char           *same_site;
  char           *page;
  GStrv           granted;
  gint64          seen_ms;       /* the entry's start, in ms since 1970, or 0 */
} Pending;

/* A consent cookie's choice and the moment the banner recorded it ("t", ms since 1970). */
typedef struct
{
  gint64 time_ms;
  GStrv  granted;
} Consent;


/* stk-har.c */
void     stk_har_entry_clear   (Entry      *entry);
void     stk_har_position      (Har        *har,
                                const char *at,
                                int        *line,
                                int        *column);

/* stk-har-match.c */
void     stk_har_process_entry (Har        *har,
                                Entry      *entry);
void     stk_har_grant_by_time (Har        *har,
                                Pending    *p);

G_END_DECLS
