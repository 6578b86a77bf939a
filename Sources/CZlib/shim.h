#ifndef LECTOR_CZLIB_SHIM_H
#define LECTOR_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro (it passes the version and the stream size); Swift cannot call macros.
static inline int lector_inflate_init(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
