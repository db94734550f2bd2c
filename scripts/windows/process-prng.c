/* ProcessPrng for Wine 8, which lacks bcryptprimitives.dll: Rust's standard library (1.78 and
 * later) imports ProcessPrng from it, so without this DLL every Rust .exe stops at load under
 * Debian 12's Wine. Windows 10 and 11 have the real one; this is only ever placed in a Wine
 * prefix by scripts/windows/wine-run.sh, never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
