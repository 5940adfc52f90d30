#ifndef STICHWORT_CSQLITE_SHIM_H
#define STICHWORT_CSQLITE_SHIM_H
#include <sqlite3.h>

/// sqlite3_config is variadic, which Swift cannot call: this sets its one option Stichwort uses.
/// Turns off SQLite's memory statistics (https://sqlite.org/c3ref/c_config_covering_index_scan.html#sqliteconfigmemstatus),
/// which take a mutex around every allocation. Only before the first connection opens.
static inline int stichwort_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
