/* Stand-in for bcryptprimitives.dll's ProcessPrng (Windows 10+), missing from Wine 8.0.
 *
 * Rust's standard library (python-calamine is Rust) takes its random numbers from it.
 * Forwarded to RtlGenRandom (advapi32's SystemFunction036), Wine's real system random source.
 * Build only, never shipped. Built by scripts/windows/build.sh (mingw-w64). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
