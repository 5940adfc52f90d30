#ifndef STICHWORT_CSQLITE_SHIM_H
#define STICHWORT_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
