/* stk-scan-visit.c — one visit of one page: load it, let it settle, read what it set
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "stk-scan-url.h"
#include "stk-scan-visit.h"

/* What happens to the page, in order. The steps that run scripts are skipped when the page's
 * document never arrived or its web process has gone. */
typedef enum
{
  PHASE_NEW,
  PHASE_LOADING,
  PHASE_SETTLING,          /* --settle milliseconds for the page's scripts */
  PHASE_CONSENTING,        /* Samtykke.save */
  PHASE_CONSENT_SETTLING,  /* --settle milliseconds for the scripts the consent unblocked */
  PHASE_FINDING_BANNER,
  PHASE_READING,           /* links, storage keys, the policy's categories */
  PHASE_COOKIES,
  PHASE_DONE,
} Phase;

struct _StkScanVisit
{
  GObject            parent_instance;

  /* owned */
  WebKitWebView     *web_view;
  char              *url;            /* canonical, as requested */
  GPtrArray         *site_hosts;
  GPtrArray         *consent;
  char              *final_url;
  char              *site;           /* the registrable domain of the page's host */
  char              *requested_site; /* the same, of the address requested */
  char              *error;
  GPtrArray         *request_hosts;  /* third-party hosts, in the order first seen */
  GCancellable      *step;           /* the running step's; cancelled when it is given up */
  StkScanPageData   *data;
  GList             *cookies;        /* of SoupCookie */

  guint              timer_id;       /* the load's time limit, the settling, or a step's */
  guint              page_timeout;   /* seconds */
  guint              settle;         /* milliseconds */
  StkScanVisitFlags  flags;
  Phase              phase;
  guint              status;
  gboolean           load_started;
  gboolean           committed;
  gboolean           crashed;
  gboolean           has_banner;
};

G_DEFINE_FINAL_TYPE (StkScanVisit, stk_scan_visit, G_TYPE_OBJECT)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Engine calls not answered yet, over every visit: the program waits for them at its end. */
static guint pending_calls;

static void next_step (StkScanVisit *self);

/* The first reason a page failed is the one reported. */
static void
set_error (StkScanVisit *self,
           const char   *message)
{
  if (self->error == NULL)
    self->error = g_strdup (message);
}

static void
detach (StkScanVisit *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->step != NULL)
    g_cancellable_cancel (self->step);
  g_clear_object (&self->step);
  if (self->web_view != NULL)
    g_signal_handlers_disconnect_by_data (self->web_view, self);
}

static void
finish (StkScanVisit *self)
{
  self->phase = PHASE_DONE;
  if (self->final_url == NULL && self->committed)
    self->final_url = g_strdup (webkit_web_view_get_uri (self->web_view));
  detach (self);

  g_signal_emit (self, signals[FINISHED], 0);
}

/* A call into the engine for one step of the visit. */
typedef struct
{
  StkScanVisit *self;
  GCancellable *step;
} Call;

static gboolean
step_timeout_cb (gpointer user_data)
{
  StkScanVisit *self = user_data;

  self->timer_id = 0;
  g_debug ("A step of %s is not answered: ending the page's web process", self->url);
  set_error (self, _("The page stopped responding"));
  self->crashed = TRUE;
  g_cancellable_cancel (self->step);
  webkit_web_view_terminate_web_process (self->web_view);
  next_step (self);

  return G_SOURCE_REMOVE;
}

/* Starts a step: its call is answered within the page's time limit, or the page's web
 * process is ended and the visit goes on without it. */
static Call *
call_new (StkScanVisit *self,
          Phase         phase)
{
  Call *call = g_new0 (Call, 1);

  self->phase = phase;
  g_clear_object (&self->step);
  self->step = g_cancellable_new ();
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_timeout_add_seconds (self->page_timeout, step_timeout_cb, self);

  call->self = g_object_ref (self);
  call->step = g_object_ref (self->step);
  pending_calls++;

  return call;
}

/* Ends a call; returns the visit when the answer still counts (the step was not given up),
 * or NULL. */
static StkScanVisit *
call_end (Call *call)
{
  StkScanVisit *self = call->self;
  gboolean current = !g_cancellable_is_cancelled (call->step);

  pending_calls--;
  if (current)
    g_clear_handle_id (&self->timer_id, g_source_remove);
  g_object_unref (call->step);
  g_object_unref (call->self);
  g_free (call);

  return current ? self : NULL;
}

static void
cookies_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  StkScanVisit *self;
  GList *cookies;

  cookies = webkit_cookie_manager_get_all_cookies_finish (WEBKIT_COOKIE_MANAGER (object), result,
                                                          &error);
  self = call_end (user_data);
  if (self == NULL)
    {
      g_list_free_full (cookies, (GDestroyNotify) soup_cookie_free);
      return;
    }

  if (error != NULL)
    g_debug ("The cookies could not be read: %s", error->message);
  self->cookies = cookies;
  next_step (self);
}

static void
page_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  StkScanPageData *data;
  StkScanVisit *self;

  data = stk_scan_collect_page_finish (WEBKIT_WEB_VIEW (object), result, &error);
  self = call_end (user_data);
  if (self == NULL)
    {
      g_clear_pointer (&data, stk_scan_page_data_free);
      return;
    }

  if (data == NULL)
    g_debug ("%s could not be read: %s", self->url, error->message);
  self->data = data;
  next_step (self);
}

static void
banner_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  StkScanVisit *self;
  gboolean found;

  found = stk_scan_find_banner_finish (WEBKIT_WEB_VIEW (object), result, &error);
  self = call_end (user_data);
  if (self == NULL)
    return;

  self->has_banner = found;
  next_step (self);
}

static void
consent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  StkScanVisit *self;

  if (!stk_scan_give_consent_finish (WEBKIT_WEB_VIEW (object), result, &error))
    g_debug ("Samtykke.save failed: %s", error->message);
  self = call_end (user_data);
  if (self == NULL)
    return;

  if (error != NULL)
    set_error (self, _("The consent could not be given on this page"));
  next_step (self);
}

static gboolean
settled_cb (gpointer user_data)
{
  StkScanVisit *self = user_data;

  self->timer_id = 0;
  next_step (self);

  return G_SOURCE_REMOVE;
}

static void
settle (StkScanVisit *self,
        Phase         phase)
{
  self->phase = phase;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_timeout_add (self->settle, settled_cb, self);
}

/* Runs the step after the current one. */
static void
next_step (StkScanVisit *self)
{
  /* Scripts can run only in the page's own document, while its process lives. */
  gboolean readable = self->committed && !self->crashed;
  Call *call;

  switch (self->phase)
    {
    case PHASE_LOADING:
      settle (self, PHASE_SETTLING);
      return;

    case PHASE_SETTLING:
      if ((self->flags & STK_SCAN_VISIT_GIVE_CONSENT) != 0 && readable)
        {
          call = call_new (self, PHASE_CONSENTING);
          stk_scan_give_consent_async (self->web_view, self->consent, call->step, consent_cb,
                                       call);
          return;
        }
      G_GNUC_FALLTHROUGH;

    case PHASE_CONSENT_SETTLING:
      if ((self->flags & STK_SCAN_VISIT_FIND_BANNER) != 0 && readable)
        {
          call = call_new (self, PHASE_FINDING_BANNER);
          stk_scan_find_banner_async (self->web_view, call->step, banner_cb, call);
          return;
        }
      G_GNUC_FALLTHROUGH;

    case PHASE_FINDING_BANNER:
      if (readable)
        {
          call = call_new (self, PHASE_READING);
          stk_scan_collect_page_async (self->web_view, self->has_banner, call->step,
                                       page_read_cb, call);
          return;
        }
      G_GNUC_FALLTHROUGH;

    case PHASE_READING:
      call = call_new (self, PHASE_COOKIES);
      webkit_cookie_manager_get_all_cookies (
          webkit_network_session_get_cookie_manager (
              webkit_web_view_get_network_session (self->web_view)),
          call->step, cookies_cb, call);
      return;

    case PHASE_CONSENTING:
      settle (self, PHASE_CONSENT_SETTLING);
      return;

    case PHASE_COOKIES:
      finish (self);
      return;

    case PHASE_NEW:
    case PHASE_DONE:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
load_timeout_cb (gpointer user_data)
{
  StkScanVisit *self = user_data;
  g_autofree char *message = NULL;

  self->timer_id = 0;
  message = g_strdup_printf (ngettext ("The page did not finish loading within %u second",
                                       "The page did not finish loading within %u seconds",
                                       self->page_timeout),
                             self->page_timeout);
  set_error (self, message);
  /* What has arrived stays: its scripts may set cookies, and its links are read. */
  webkit_web_view_stop_loading (self->web_view);
  next_step (self);

  return G_SOURCE_REMOVE;
}

static void
note_main_response (StkScanVisit *self)
{
  WebKitWebResource *resource = webkit_web_view_get_main_resource (self->web_view);
  WebKitURIResponse *response = resource != NULL ? webkit_web_resource_get_response (resource)
                                                 : NULL;
  g_autofree char *host = NULL;

  if (response != NULL)
    self->status = webkit_uri_response_get_status_code (response);

  g_free (self->final_url);
  self->final_url = g_strdup (webkit_web_view_get_uri (self->web_view));
  host = stk_scan_url_host (self->final_url);
  if (host != NULL)
    {
      g_free (self->site);
      self->site = stk_scan_host_site (host);
    }
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 StkScanVisit    *self)
{
  g_autofree char *message = NULL;

  if (self->phase != PHASE_LOADING)
    return;

  switch (event)
    {
    case WEBKIT_LOAD_STARTED:
      /* The page's time counts from here: starting a web process for it (seconds, on a busy
       * machine) is the engine's time, not the page's. */
      self->load_started = TRUE;
      g_clear_handle_id (&self->timer_id, g_source_remove);
      self->timer_id = g_timeout_add_seconds (self->page_timeout, load_timeout_cb, self);
      break;

    case WEBKIT_LOAD_COMMITTED:
      /* Events before STARTED belong to the load this one replaced. */
      if (!self->load_started)
        break;
      self->committed = TRUE;
      note_main_response (self);
      break;

    case WEBKIT_LOAD_FINISHED:
      if (!self->load_started)
        break;
      if (self->status >= 400)
        {
          message = g_strdup_printf (_("The server answered with HTTP status %u"), self->status);
          set_error (self, message);
        }
      g_clear_handle_id (&self->timer_id, g_source_remove);
      next_step (self);
      break;

    case WEBKIT_LOAD_REDIRECTED:
    default:
      break;
    }
}

static gboolean
load_failed_cb (WebKitWebView   *web_view,
                WebKitLoadEvent  event,
                const char      *uri,
                GError          *error,
                StkScanVisit    *self)
{
  if (self->phase == PHASE_LOADING && self->load_started
      && !g_error_matches (error, WEBKIT_NETWORK_ERROR, WEBKIT_NETWORK_ERROR_CANCELLED))
    set_error (self, error->message);

  /* Handled: no error page is loaded in its place. */
  return TRUE;
}

static void
web_process_terminated_cb (WebKitWebView                     *web_view,
                           WebKitWebProcessTerminationReason  reason,
                           StkScanVisit                      *self)
{
  /* Ended by the visit itself when the page stopped responding. */
  if (reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API)
    return;

  self->crashed = TRUE;
  set_error (self, reason == WEBKIT_WEB_PROCESS_EXCEEDED_MEMORY_LIMIT
                   ? _("The page used more memory than allowed")
                   : _("The page’s web process crashed"));

  /* A step that was waiting for the page gets its answer (an error) by itself. */
  if (self->phase == PHASE_LOADING)
    {
      g_clear_handle_id (&self->timer_id, g_source_remove);
      next_step (self);
    }
}

static void
note_request (StkScanVisit *self,
              const char   *uri)
{
  g_autofree char *host = stk_scan_url_host (uri);

  if (host == NULL || stk_scan_domain_is_in_site (host, self->site))
    return;

  if (!g_ptr_array_find_with_equal_func (self->request_hosts, host, g_str_equal, NULL))
    g_ptr_array_add (self->request_hosts, g_steal_pointer (&host));
}

/* Each request a resource makes, redirects included. */
static void
sent_request_cb (WebKitWebResource *resource,
                 WebKitURIRequest  *request,
                 WebKitURIResponse *redirected_response,
                 StkScanVisit      *self)
{
  if (self->phase != PHASE_DONE)
    note_request (self, webkit_uri_request_get_uri (request));
}

static void
resource_load_started_cb (WebKitWebView     *web_view,
                          WebKitWebResource *resource,
                          WebKitURIRequest  *request,
                          StkScanVisit      *self)
{
  note_request (self, webkit_uri_request_get_uri (request));
  g_signal_connect_object (resource, "sent-request", G_CALLBACK (sent_request_cb), self, 0);
}

static gboolean
decide_response (StkScanVisit                 *self,
                 WebKitResponsePolicyDecision *decision)
{
  WebKitURIResponse *response = webkit_response_policy_decision_get_response (decision);
  WebKitURIRequest *request = webkit_response_policy_decision_get_request (decision);
  const char *uri = webkit_uri_request_get_uri (request);
  gboolean main = webkit_response_policy_decision_is_main_frame_main_resource (decision);
  g_autofree char *host = stk_scan_url_host (uri);
  g_autofree char *message = NULL;

  /* It would be a download. */
  if (!webkit_response_policy_decision_is_mime_type_supported (decision))
    {
      message = g_strdup_printf (_("The address is not a web page (%s)"),
                                 webkit_uri_response_get_mime_type (response));
      if (main)
        set_error (self, message);
      webkit_policy_decision_ignore (WEBKIT_POLICY_DECISION (decision));
      return TRUE;
    }

  /* A redirect, or the page's script, went to another site: it is not scanned. Another
   * host of the page's registrable domain is the same site (www.kk.dk and kk.dk). */
  if (main && !stk_scan_host_is_on_site (host, self->site_hosts)
      && !stk_scan_domain_is_in_site (host, self->requested_site))
    {
      message = g_strdup_printf (_("The page went to another site: %s"), uri);
      set_error (self, message);
      webkit_policy_decision_ignore (WEBKIT_POLICY_DECISION (decision));
      return TRUE;
    }

  return FALSE;
}

static gboolean
decide_policy_cb (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  StkScanVisit             *self)
{
  WebKitNavigationAction *action;

  switch (type)
    {
    case WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION:
      action = webkit_navigation_policy_decision_get_navigation_action (
          WEBKIT_NAVIGATION_POLICY_DECISION (decision));
      /* The scanner loads pages itself; a page does not click its links, submit its forms or
       * go back in its history. Frames, redirects and reloads load. */
      switch (webkit_navigation_action_get_navigation_type (action))
        {
        case WEBKIT_NAVIGATION_TYPE_LINK_CLICKED:
        case WEBKIT_NAVIGATION_TYPE_FORM_SUBMITTED:
        case WEBKIT_NAVIGATION_TYPE_FORM_RESUBMITTED:
        case WEBKIT_NAVIGATION_TYPE_BACK_FORWARD:
          webkit_policy_decision_ignore (decision);
          return TRUE;
        case WEBKIT_NAVIGATION_TYPE_RELOAD:
        case WEBKIT_NAVIGATION_TYPE_OTHER:
        default:
          return FALSE;
        }

    case WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION:
      webkit_policy_decision_ignore (decision);
      return TRUE;

    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
      return decide_response (self, WEBKIT_RESPONSE_POLICY_DECISION (decision));

    default:
      return FALSE;
    }
}

static void
stk_scan_visit_dispose (GObject *object)
{
  StkScanVisit *self = STK_SCAN_VISIT (object);

  detach (self);
  g_clear_object (&self->web_view);

  G_OBJECT_CLASS (stk_scan_visit_parent_class)->dispose (object);
}

static void
stk_scan_visit_finalize (GObject *object)
{
  StkScanVisit *self = STK_SCAN_VISIT (object);

  g_free (self->url);
  g_clear_pointer (&self->site_hosts, g_ptr_array_unref);
  g_clear_pointer (&self->consent, g_ptr_array_unref);
  g_free (self->final_url);
  g_free (self->site);
  g_free (self->requested_site);
  g_free (self->error);
  g_ptr_array_unref (self->request_hosts);
  g_clear_pointer (&self->data, stk_scan_page_data_free);
  g_list_free_full (self->cookies, (GDestroyNotify) soup_cookie_free);

  G_OBJECT_CLASS (stk_scan_visit_parent_class)->finalize (object);
}

static void
stk_scan_visit_class_init (StkScanVisitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stk_scan_visit_dispose;
  object_class->finalize = stk_scan_visit_finalize;

  /**
   * StkScanVisit::finished:
   *
   * The visit is over, the page loaded or not; its results can be read. It may be emitted
   * from within one of the web view's signals.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
stk_scan_visit_init (StkScanVisit *self)
{
  self->request_hosts = g_ptr_array_new_with_free_func (g_free);
}

/**
 * stk_scan_visit_new:
 * @web_view: the view to load the page in
 * @url: the page's canonical address
 * @site_hosts: (element-type utf8): the scanned site's hosts: the page may not leave them
 * @page_timeout: seconds the page may take to load, and the engine to answer each question
 * @settle: milliseconds to wait after the load (and after the consent) for the page's scripts
 * @flags: what else to do on the page
 * @consent: (element-type utf8) (nullable): with %STK_SCAN_VISIT_GIVE_CONSENT, the category
 *   ids to give to Samtykke.save
 *
 * Returns: (transfer full): a new visit; stk_scan_visit_start() starts it. Dropping the last
 *   reference stops it.
 */
StkScanVisit *
stk_scan_visit_new (WebKitWebView     *web_view,
                    const char        *url,
                    GPtrArray         *site_hosts,
                    guint              page_timeout,
                    guint              settle,
                    StkScanVisitFlags  flags,
                    GPtrArray         *consent)
{
  StkScanVisit *self = g_object_new (STK_TYPE_SCAN_VISIT, NULL);
  g_autofree char *host = stk_scan_url_host (url);

  g_return_val_if_fail ((flags & STK_SCAN_VISIT_GIVE_CONSENT) == 0 || consent != NULL, self);

  self->web_view = g_object_ref (web_view);
  self->url = g_strdup (url);
  self->site_hosts = g_ptr_array_ref (site_hosts);
  self->consent = consent != NULL ? g_ptr_array_ref (consent) : NULL;
  self->site = stk_scan_host_site (host != NULL ? host : "");
  self->requested_site = g_strdup (self->site);
  self->page_timeout = page_timeout;
  self->settle = settle;
  self->flags = flags;

  return self;
}

/**
 * stk_scan_visit_start:
 * @self: a new visit
 *
 * Loads the page; #StkScanVisit::finished follows, within the time limits.
 */
void
stk_scan_visit_start (StkScanVisit *self)
{
  g_return_if_fail (STK_IS_SCAN_VISIT (self));
  g_return_if_fail (self->phase == PHASE_NEW);

  g_signal_connect (self->web_view, "decide-policy", G_CALLBACK (decide_policy_cb), self);
  g_signal_connect (self->web_view, "load-changed", G_CALLBACK (load_changed_cb), self);
  g_signal_connect (self->web_view, "load-failed", G_CALLBACK (load_failed_cb), self);
  g_signal_connect (self->web_view, "resource-load-started",
                    G_CALLBACK (resource_load_started_cb), self);
  g_signal_connect (self->web_view, "web-process-terminated",
                    G_CALLBACK (web_process_terminated_cb), self);

  /* Also a limit for the load to start at all. */
  self->phase = PHASE_LOADING;
  self->timer_id = g_timeout_add_seconds (self->page_timeout, load_timeout_cb, self);
  webkit_web_view_load_uri (self->web_view, self->url);
}

const char *
stk_scan_visit_get_url (StkScanVisit *self)
{
  return self->url;
}

/* The address the page ended at, after redirects; NULL when no document arrived. */
const char *
stk_scan_visit_get_final_url (StkScanVisit *self)
{
  return self->final_url;
}

/* The HTTP status of the page's document, or 0 when there was no answer. */
guint
stk_scan_visit_get_status (StkScanVisit *self)
{
  return self->status;
}

const char *
stk_scan_visit_get_error (StkScanVisit *self)
{
  return self->error;
}

/* The page's site: a cookie of another site is a third-party cookie. */
const char *
stk_scan_visit_get_site (StkScanVisit *self)
{
  return self->site;
}

gboolean
stk_scan_visit_get_committed (StkScanVisit *self)
{
  return self->committed;
}

gboolean
stk_scan_visit_get_crashed (StkScanVisit *self)
{
  return self->crashed;
}

gboolean
stk_scan_visit_get_has_banner (StkScanVisit *self)
{
  return self->has_banner;
}

/* What the page holds, or NULL when it could not be read. */
StkScanPageData *
stk_scan_visit_get_data (StkScanVisit *self)
{
  return self->data;
}

/* Every cookie of the session after the visit. */
GList *
stk_scan_visit_get_cookies (StkScanVisit *self)
{
  return self->cookies;
}

GPtrArray *
stk_scan_visit_get_request_hosts (StkScanVisit *self)
{
  return self->request_hosts;
}

guint
stk_scan_visit_get_pending_calls (void)
{
  return pending_calls;
}
