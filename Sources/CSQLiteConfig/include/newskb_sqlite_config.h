#ifndef NEWSKB_SQLITE_CONFIG_H
#define NEWSKB_SQLITE_CONFIG_H

/// Sets SQLite's process-wide options before the first connection opens: connections
/// without their own mutex (GRDB already runs each connection on one queue at a time) and
/// no memory statistics (a global mutex on every allocation). Returns 0 when both were
/// applied, else SQLite's result code (SQLITE_MISUSE once SQLite has started: the options
/// are then left as they were, which is correct, only slower).
int newskb_sqlite_configure(void);

#endif
