#ifndef STICHWORT_CLIBXML2_SHIM_H
#define STICHWORT_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function-pointer variable, which Swift 6 rejects; call it through here.
static inline void stichwort_xml_free(void *p) { xmlFree(p); }

/// libxml2's version, as the dotted string the headers were built with.
static inline const char *stichwort_xml_version(void) { return LIBXML_DOTTED_VERSION; }
#endif
