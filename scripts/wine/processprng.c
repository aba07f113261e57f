/* For the Wine tests only, never shipped: Wine 8 has no ProcessPrng in bcryptprimitives.dll,
 * which Rust's standard library imports for random numbers (Windows 10 and 11 have it). This
 * stand-in bcryptprimitives.dll, placed next to the .exe under test, forwards it to
 * RtlGenRandom (advapi32's SystemFunction036).
 *
 * Built by scripts/windows-ci.sh:
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll processprng.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance;
    (void)reason;
    (void)reserved;
    return TRUE;
}
