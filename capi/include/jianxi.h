/* libjianxi: the Jianxi rule core behind a C interface, for any language with a C FFI
 * (Go cgo, Java FFM/JNA, Python ctypes, ...). Thread-safe; no C++ exception crosses it.
 *
 *   size_t len;
 *   char* result = jianxi_evaluate(request, strlen(request), &len);
 *   if (result) { fwrite(result, 1, len, stdout); jianxi_free(result); }
 *
 * The result is the JSON the CLI prints for the same request (compact, without the
 * CLI's final line end), NUL-terminated for convenience. Link with -ljianxi. */
#ifndef JIANXI_H
#define JIANXI_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Answers one request (or a batch array) given as `len` bytes of JSON text at `request`
 * (NULL is read as empty when `len` is 0). Returns the result in memory from malloc,
 * to be released with jianxi_free, and stores its length (without the NUL) in *out_len
 * when out_len is not NULL. Returns NULL (and 0 in *out_len) only when memory ran out.
 * *malformed, when `malformed` is not NULL, is set to 1 when the request could not be
 * understood (the CLI's exit status 2), else 0. */
char* jianxi_evaluate_ex(const char* request, size_t len, size_t* out_len, int* malformed);

/* jianxi_evaluate_ex without the malformed flag. */
char* jianxi_evaluate(const char* request, size_t len, size_t* out_len);

/* Releases a result of jianxi_evaluate; NULL is allowed. */
void jianxi_free(char* result);

/* The library's version, e.g. "0.1.0" (static storage). */
const char* jianxi_version(void);

#ifdef __cplusplus
}
#endif

#endif /* JIANXI_H */
