// A narrow C interface to the system ICU. Only <stdint.h> types and opaque
// pointers cross this header, so no ICU declaration ever reaches Swift.
#ifndef NEWSKB_ICU_H
#define NEWSKB_ICU_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Break kinds understood by newskb_icu_breaks.
enum { NEWSKB_BREAK_WORD = 0, NEWSKB_BREAK_SENTENCE = 1 };

/// Finds break boundaries in UTF-16 `text` with the `zh` locale rules.
/// Writes boundary offsets (UTF-16 units) to `bounds` and, for word breaks,
/// the ICU rule status of the segment ending there to `status` (may be NULL).
/// Returns the number of boundaries written (including 0 and len), or -1 on error.
int32_t newskb_icu_breaks(int32_t kind, const uint16_t *text, int32_t len,
                          int32_t *bounds, int32_t *status, int32_t cap);

/// Normalisation forms for newskb_icu_normalize.
enum { NEWSKB_NFC = 0, NEWSKB_NFKC = 1 };

/// Normalises `src` into `dst`. Returns the needed length (may exceed cap), or -1 on error.
int32_t newskb_icu_normalize(int32_t form, const uint16_t *src, int32_t len,
                             uint16_t *dst, int32_t cap);

/// An opened ICU transliterator (opaque). Not safe for concurrent use.
typedef struct newskb_translit newskb_translit;

/// Opens a transliterator by ICU id (UTF-8, e.g. "Hant-Hans"); NULL on error.
newskb_translit *newskb_translit_open(const char *id);
void newskb_translit_close(newskb_translit *t);

/// Transliterates `buf` (UTF-16, `len` units, capacity `cap`) in place.
/// Returns the new length, or -1 when it does not fit or fails.
int32_t newskb_translit_apply(newskb_translit *t, uint16_t *buf, int32_t len, int32_t cap);

/// Converts bytes in `charset` to UTF-16. With `strict` non-zero, stops at the
/// first invalid or unmappable byte sequence and returns -2; otherwise
/// substitutes U+FFFD. Returns the needed UTF-16 length (may exceed cap),
/// -1 for an unknown charset.
int32_t newskb_icu_convert(const char *charset, const uint8_t *src, int32_t len,
                           uint16_t *dst, int32_t cap, int32_t strict);

/// Guesses charsets of `src` with ICU's detector. Writes up to `max` names,
/// NUL-separated, into `names` (capacity `cap`) and confidences (0-100).
/// Returns the number of candidates written.
int32_t newskb_icu_detect(const uint8_t *src, int32_t len, char *names, int32_t cap,
                          int32_t *confidences, int32_t max);

/// ICU's version string, e.g. "72.1".
void newskb_icu_version(char *out, int32_t cap);

#ifdef __cplusplus
}
#endif
#endif
