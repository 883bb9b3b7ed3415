/* stk-error.c — the error domain of the policy model, and where a load error is
 *
 * Copyright 2026 The Samtykke authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The domain is an extended one: every GError of it carries a StkLocation, set when the error
 * comes from reading a document, so that the place travels with the error wherever it goes
 * (copied with it, freed with it) without changing any function's signature.
 */
#include "config.h"

#include "stk-core-private.h"
#include "stk-error.h"

typedef struct
{
  StkLocation *location;
} StkErrorPrivate;

static void
stk_error_private_init (StkErrorPrivate *priv)
{
  priv->location = NULL;
}

static void
stk_error_private_copy (const StkErrorPrivate *src,
                        StkErrorPrivate       *dest)
{
  dest->location = src->location != NULL ? stk_location_copy (src->location) : NULL;
}

static void
stk_error_private_clear (StkErrorPrivate *priv)
{
  g_clear_pointer (&priv->location, stk_location_free);
}

/* GLib finds the private data just before the GError, aligned by GLib itself; clang's
 * -Wcast-align cannot know that. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
G_DEFINE_EXTENDED_ERROR (StkError, stk_error)
#pragma GCC diagnostic pop

G_DEFINE_BOXED_TYPE (StkLocation, stk_location, stk_location_copy, stk_location_free)

/**
 * stk_location_copy:
 * @self: a location
 *
 * Returns: (transfer full): a copy of @self
 */
StkLocation *
stk_location_copy (const StkLocation *self)
{
  StkLocation *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (StkLocation, 1);
  copy->file = g_strdup (self->file);
  copy->line = self->line;
  copy->column = self->column;
  copy->path = self->path != NULL ? stk_path_ref (self->path) : NULL;
  copy->message = g_strdup (self->message);

  return copy;
}

/**
 * stk_location_free:
 * @self: (transfer full) (nullable): a location
 */
void
stk_location_free (StkLocation *self)
{
  if (self == NULL)
    return;

  g_free (self->file);
  g_clear_pointer (&self->path, stk_path_unref);
  g_free (self->message);
  g_free (self);
}

/**
 * stk_error_get_location:
 * @error: an error
 *
 * The place of an error from reading a policy document (stk_policy_load_data(),
 * stk_policy_load_file()): the file, line and column the message starts with, the path of the
 * member, and the message without the place.
 *
 * Returns: (transfer none) (nullable): the location, or %NULL when @error is of another domain
 *   or has no place (a file that could not be read at all)
 */
const StkLocation *
stk_error_get_location (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != STK_ERROR)
    return NULL;

  return stk_error_get_private (error)->location;
}

/* Sets @error to "FILE:LINE:COL: MESSAGE" in STK_ERROR, with its location beside it. */
void
stk_set_located_error (GError     **error,
                       int          code,
                       const char  *file,
                       int          line,
                       int          column,
                       StkPath     *path,
                       const char  *message)
{
  StkLocation *location;

  /* An error already set: g_set_error() says so, and it keeps its own location. */
  if (error == NULL || *error != NULL)
    {
      g_set_error (error, STK_ERROR, code, "%s:%d:%d: %s", file, line, column, message);
      return;
    }

  g_set_error (error, STK_ERROR, code, "%s:%d:%d: %s", file, line, column, message);

  location = g_new0 (StkLocation, 1);
  location->file = g_strdup (file);
  location->line = line;
  location->column = column;
  location->path = path != NULL ? stk_path_ref (path) : NULL;
  location->message = g_strdup (message);
  stk_error_private_clear (stk_error_get_private (*error));
  stk_error_get_private (*error)->location = location;
}
