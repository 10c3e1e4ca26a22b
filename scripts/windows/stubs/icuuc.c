/* Stand-in for Windows' icuuc.dll (ICU, in Windows 10 1703+), which Wine 8.0 does not ship.
 *
 * Qt6Core imports ucnv_* from it for QStringConverter's non-Unicode codecs. ShopSync decodes
 * ERP exports with Python codecs, never through Qt, so every converter "fails to open" here
 * and Qt keeps its built-in UTF-8/UTF-16/Latin-1 codecs. Build only, never shipped: on a real
 * Windows PC the system's ICU is used. Built by scripts/windows/build.sh (mingw-w64). */
#include <stddef.h>

typedef int UErrorCode;
#define U_FILE_ACCESS_ERROR 4

void *ucnv_open(const char *name, UErrorCode *err) {
    (void)name;
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}
void ucnv_close(void *cnv) { (void)cnv; }
void ucnv_reset(void *cnv) { (void)cnv; }
signed char ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
const char *ucnv_getName(const void *cnv, UErrorCode *err) {
    (void)cnv;
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
    return "";
}
/* The callbacks and their getters/setters: never reached, as no converter ever opens. */
void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
void ucnv_getToUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv; if (action) *action = NULL; if (context) *context = NULL;
}
void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv; if (action) *action = NULL; if (context) *context = NULL;
}
void ucnv_setToUCallBack(void *cnv, void *a, const void *c, void **oa, const void **oc, UErrorCode *err) {
    (void)cnv; (void)a; (void)c; (void)oa; (void)oc;
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
}
void ucnv_setFromUCallBack(void *cnv, void *a, const void *c, void **oa, const void **oc, UErrorCode *err) {
    (void)cnv; (void)a; (void)c; (void)oa; (void)oc;
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
}
