#ifndef LECTOR_CZLIB_SHIM_H
#define LECTOR_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro (it passes the version and the stream size); Swift cannot call macros.
static inline int lector_inflate_init(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
/// `deflateInit2` is a macro too.
static inline int lector_deflate_init(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
#endif
