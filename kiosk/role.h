/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* role.h -- what a piece of text is, not how it looks.

   Layout tags every span of text with a role; the view's theme table maps
   each role to attributes and colours for the terminal at hand (and
   --dump ignores them).  The X-macro keeps the list in one place.  */

#ifndef MESOKIOSK_ROLE_H
#define MESOKIOSK_ROLE_H

#define ROLE_LIST(X)                                                    \
  X (BODY)              /* Paragraphs.  */                              \
  X (TITLE)             /* A page's title.  */                          \
  X (SUMMARY)           /* A page's summary line.  */                   \
  X (HEADING)           /* Section headings.  */                        \
  X (BULLET)            /* List bullets.  */                            \
  X (LINK)              /* A link's label.  */                          \
  X (LINK_MARK)         /* The arrow before a link.  */                 \
  X (LINK_SELECTED)     /* The selected link (view only).  */           \
  X (NOTE)              /* A link's second line (menus).  */            \
  X (WARNING_FRAME)     /* The frame of an urgent box (and dialogs).  */ \
  X (WARNING_LABEL)     /* "Urgent" on the frame (dialog titles).  */   \
  X (WARNING_TITLE)     /* An urgent box's title.  */                   \
  X (WARNING_TEXT)      /* Text inside an urgent box.  */               \
  X (URGENT_LINK)       /* The warning-signs entry of a menu.  */       \
  X (MATCH)             /* Search match in a snippet.  */               \
  X (NOTICE)            /* Notices such as "shown in French".  */       \
  X (HEADER)            /* The top bar.  */                             \
  X (STATUS)            /* The status line.  */                         \
  X (BUTTON)            /* Bottom bar buttons.  */                      \
  X (BUTTON_KEY)        /* The key letter on a button.  */              \
  X (BUTTON_URGENT)     /* The warning-signs button.  */                \
  X (DIALOG)            /* Attract, countdown and PIN screens.  */      \
  X (EMERGENCY_FRAME)   /* The frame of an emergency box.  */           \
  X (EMERGENCY_LABEL)   /* "Emergency" on its frame.  */                \
  X (EMERGENCY_TITLE)   /* An emergency box's title.  */                \
  X (EMERGENCY_TEXT)    /* Text inside an emergency box.  */            \
  X (INFO_FRAME)        /* The frame of an information box.  */        \
  X (INFO_LABEL)        /* "Information" on its frame.  */              \
  X (INFO_TITLE)        /* An information box's title.  */              \
  X (INFO_TEXT)         /* Text inside an information box.  */          \
  X (META)              /* A page's review line and its sources.  */    \
  X (QR)                /* The modules of a QR code.  */

enum style_role
{
#define ROLE_ENUM(name) ROLE_##name,
  ROLE_LIST (ROLE_ENUM)
#undef ROLE_ENUM
  ROLE_COUNT
};

/* True if ROLE draws the frame of a box (its glyphs may be line-drawing
   characters).  */
static inline bool
role_is_frame (enum style_role role)
{
  return role == ROLE_WARNING_FRAME || role == ROLE_EMERGENCY_FRAME
         || role == ROLE_INFO_FRAME;
}

#endif /* MESOKIOSK_ROLE_H */
