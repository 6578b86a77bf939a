#ifndef LECTOR_CLIBXML2_SHIM_H
#define LECTOR_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU support, so libxml/encoding.h includes the system <unicode/ucnv.h>.
// Foundation on Linux carries its own ICU as a clang module; a Swift file that sees both fails a clean
// build with "'UErrorCode' has different definitions". libxml2's headers only need two ICU names, so
// block ucnv.h by its include guard and declare those two names with identical layouts.
#include <libxml/xmlversion.h>
#ifdef LIBXML_ICU_ENABLED
#include <stdint.h>
#define UCNV_H
typedef struct UConverter UConverter;
typedef uint16_t UChar;
#endif

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlreader.h>

/// `xmlFree` is a mutable C global function pointer, which Swift 6 rejects; call it through here.
static inline void lector_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// A structured-error handler that drops everything: errors are read from the parser context instead.
static inline void lector_ignoreStructuredError(void *userData, xmlErrorPtr error) {
    (void)userData;
    (void)error;
}

/// A generic-error handler that drops everything (XPath compile errors otherwise go to stderr).
static inline void lector_ignoreGenericError(void *userData, const char *message, ...) {
    (void)userData;
    (void)message;
}

/// Install the silent handlers for the calling thread.
static inline void lector_silenceErrors(void) {
    xmlSetStructuredErrorFunc(NULL, lector_ignoreStructuredError);
    xmlSetGenericErrorFunc(NULL, lector_ignoreGenericError);
}

#endif
