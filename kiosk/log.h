/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* log.h -- where problems go while the kiosk runs.

   Never on the patient's screen.  When standard error is another place
   than the kiosk's terminal (a file, the systemd journal), messages are
   written there at once; when it is the same terminal, they go to syslog
   and are kept (up to a limit) to be printed after the screen is
   restored at exit.  */

#ifndef MESOKIOSK_LOG_H
#define MESOKIOSK_LOG_H

#include "diag.h"

/* DEFER: standard error is the kiosk's own terminal.  */
void log_init (bool defer);
/* Logs every diagnostic of L, then empties L.  */
void log_diags (struct diag_list *l);
/* Logs a message ("mesokiosk: " is added).  */
void log_message (const char *fmt, ...) ATTR_PRINTF (1, 2);
/* Prints what was kept; call once the screen is restored.  */
void log_flush (void);

#endif /* MESOKIOSK_LOG_H */
