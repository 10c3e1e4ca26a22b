/* Stand-in for mscms.dll (colour management), loaded instead of Wine's builtin
 * (WINEDLLOVERRIDES=mscms=n) because Wine 8.0 lacks WcsCreateIccProfile, which Qt's qwindows
 * platform plugin imports. The four functions qwindows uses all report "no colour profile",
 * so Qt assumes sRGB, as on a PC without a calibrated screen. Build only, never shipped. */
#include <windows.h>

HANDLE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share, DWORD creation) {
    (void)profile; (void)access; (void)share; (void)creation;
    SetLastError(ERROR_FILE_NOT_FOUND);
    return NULL;
}
BOOL WINAPI CloseColorProfile(HANDLE profile) { (void)profile; return TRUE; }
BOOL WINAPI GetColorProfileFromHandle(HANDLE profile, BYTE *buffer, DWORD *size) {
    (void)profile; (void)buffer; (void)size;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}
HANDLE WINAPI WcsCreateIccProfile(HANDLE profile, DWORD options) {
    (void)profile; (void)options;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}
