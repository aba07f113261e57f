/* For the Wine tests only: holds a file open as a PDF reader does (others may read it, not
 * delete or replace it) until the file named second exists, so that a build must meet a PDF
 * open in a reader. Prints "open" once the file is held.
 *   holdopen.exe FILE STOPFILE
 * Built by scripts/windows-ci.sh with x86_64-w64-mingw32-gcc -municode (wide arguments: the
 * paths have Vietnamese letters). */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: holdopen FILE STOPFILE\n");
        return 2;
    }
    HANDLE h = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "holdopen: cannot open the file (error %lu)\n", GetLastError());
        return 1;
    }
    printf("open\n");
    fflush(stdout);
    for (int i = 0; i < 1200 && GetFileAttributesW(argv[2]) == INVALID_FILE_ATTRIBUTES; i++)
        Sleep(100);
    CloseHandle(h);
    return 0;
}
