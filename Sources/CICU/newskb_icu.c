#include "newskb_icu.h"
#include <string.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uversion.h>

/* One break iterator per kind and thread, opened on first use and given new text each
   call: opening one means cloning its rules, which costs more than breaking a short article.
   Threads end with the process, so the iterators are never closed. */
static _Thread_local UBreakIterator *cached_breaks[2];

int32_t newskb_icu_breaks(int32_t kind, const uint16_t *text, int32_t len,
                          int32_t *bounds, int32_t *status, int32_t cap) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t k = kind == NEWSKB_BREAK_SENTENCE ? 1 : 0;
    UBreakIterator *bi = cached_breaks[k];
    if (bi == NULL) {
        bi = ubrk_open(k ? UBRK_SENTENCE : UBRK_WORD, "zh", NULL, 0, &err);
        if (U_FAILURE(err)) return -1;
        cached_breaks[k] = bi;
    }
    ubrk_setText(bi, (const UChar *)text, len, &err);
    if (U_FAILURE(err)) return -1;
    int32_t n = 0;
    for (int32_t b = ubrk_first(bi); b != UBRK_DONE && n < cap; b = ubrk_next(bi)) {
        bounds[n] = b;
        if (status) status[n] = ubrk_getRuleStatus(bi);
        n++;
    }
    /* Do not keep pointing at the caller's buffer. */
    ubrk_setText(bi, NULL, 0, &err);
    return n;
}

int32_t newskb_icu_normalize(int32_t form, const uint16_t *src, int32_t len,
                             uint16_t *dst, int32_t cap) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = form == NEWSKB_NFKC ? unorm2_getNFKCInstance(&err) : unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) return -1;
    int32_t out = unorm2_normalize(n, (const UChar *)src, len, (UChar *)dst, cap, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) return out;
    if (U_FAILURE(err)) return -1;
    return out;
}

struct newskb_translit { UTransliterator *t; };

newskb_translit *newskb_translit_open(const char *id) {
    UErrorCode err = U_ZERO_ERROR;
    UChar uid[128];
    int32_t n = 0;
    for (; id[n] && n < 127; n++) uid[n] = (UChar)(unsigned char)id[n];
    UTransliterator *t = utrans_openU(uid, n, UTRANS_FORWARD, NULL, 0, NULL, &err);
    if (U_FAILURE(err) || !t) return NULL;
    newskb_translit *h = malloc(sizeof *h);
    if (!h) { utrans_close(t); return NULL; }
    h->t = t;
    return h;
}

void newskb_translit_close(newskb_translit *h) {
    if (!h) return;
    utrans_close(h->t);
    free(h);
}

int32_t newskb_translit_apply(newskb_translit *h, uint16_t *buf, int32_t len, int32_t cap) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t textLength = len, limit = len;
    utrans_transUChars(h->t, (UChar *)buf, &textLength, cap, 0, &limit, &err);
    if (U_FAILURE(err)) return -1;
    return textLength;
}

int32_t newskb_icu_convert(const char *charset, const uint8_t *src, int32_t len,
                           uint16_t *dst, int32_t cap, int32_t strict) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *c = ucnv_open(charset, &err);
    if (U_FAILURE(err)) return -1;
    if (strict) {
        ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    } else {
        static const UChar sub[1] = {0xFFFD};
        (void)sub;
        ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_SUBSTITUTE, NULL, NULL, NULL, &err);
    }
    if (U_FAILURE(err)) { ucnv_close(c); return -1; }
    int32_t out = ucnv_toUChars(c, (UChar *)dst, cap, (const char *)src, len, &err);
    ucnv_close(c);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) return out;
    if (U_FAILURE(err)) return strict ? -2 : -1;
    return out;
}

int32_t newskb_icu_detect(const uint8_t *src, int32_t len, char *names, int32_t cap,
                          int32_t *confidences, int32_t max) {
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&err);
    if (U_FAILURE(err)) return 0;
    ucsdet_setText(d, (const char *)src, len, &err);
    int32_t found = 0;
    const UCharsetMatch **m = ucsdet_detectAll(d, &found, &err);
    int32_t n = 0, used = 0;
    if (U_SUCCESS(err)) {
        for (int32_t i = 0; i < found && n < max; i++) {
            const char *name = ucsdet_getName(m[i], &err);
            if (U_FAILURE(err) || !name) break;
            int32_t l = (int32_t)strlen(name);
            if (used + l + 1 > cap) break;
            memcpy(names + used, name, (size_t)l + 1);
            used += l + 1;
            confidences[n] = ucsdet_getConfidence(m[i], &err);
            n++;
        }
    }
    ucsdet_close(d);
    return n;
}

void newskb_icu_version(char *out, int32_t cap) {
    UVersionInfo v;
    u_getVersion(v);
    char buf[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(v, buf);
    strncpy(out, buf, (size_t)cap - 1);
    out[cap - 1] = 0;
}
