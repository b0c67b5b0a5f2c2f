/* util.c -- small allocation, buffer, hashing and file helpers used across the library. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include "internal.h"

char *jx__strdup(const char *s)
{
	return s ? jx__strndup(s, strlen(s)) : NULL;
}

char *jx__strndup(const char *s, size_t n)
{
	char *p;
	if (!s)
		return NULL;
	p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *jx__sprintf(const char *fmt, ...)
{
	va_list ap;
	jx__buf b;
	jx__buf_init(&b);
	va_start(ap, fmt);
	{
		va_list ap2;
		int n;
		va_copy(ap2, ap);
		n = vsnprintf(NULL, 0, fmt, ap2);
		va_end(ap2);
		if (n >= 0 && jx__grow((void **)&b.data, &b.cap, (size_t)n + 1, 1) == 0) {
			vsnprintf(b.data, (size_t)n + 1, fmt, ap);
			b.len = (size_t)n;
		} else {
			b.failed = 1;
		}
	}
	va_end(ap);
	return jx__buf_detach(&b);
}

int jx__grow(void **arr, size_t *cap, size_t need, size_t elem)
{
	size_t ncap;
	void *p;
	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > ((size_t)-1) / 2 / elem)
			return jx__oom();
		ncap *= 2;
	}
	p = realloc(*arr, ncap * elem);
	if (!p)
		return jx__oom();
	*arr = p;
	*cap = ncap;
	return 0;
}

void jx__buf_init(jx__buf *b) { memset(b, 0, sizeof(*b)); }

void jx__buf_free(jx__buf *b)
{
	free(b->data);
	jx__buf_init(b);
}

void jx__buf_put(jx__buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (jx__grow((void **)&b->data, &b->cap, b->len + n + 1, 1) != 0) {
		b->failed = 1;
		return;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void jx__buf_puts(jx__buf *b, const char *s) { jx__buf_put(b, s, strlen(s)); }

void jx__buf_printf(jx__buf *b, const char *fmt, ...)
{
	va_list ap, ap2;
	int n;
	if (b->failed)
		return;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || jx__grow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1) != 0)
		b->failed = 1;
	else {
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		b->len += (size_t)n;
	}
	va_end(ap);
}

char *jx__buf_detach(jx__buf *b)
{
	char *p;
	if (b->failed) {
		jx__buf_free(b);
		jx__oom();
		return NULL;
	}
	if (!b->data) {
		p = jx__strdup("");
		if (!p)
			jx__oom();
		return p;
	}
	p = b->data;
	jx__buf_init(b);
	return p;
}

void jx__sha256_hex(char out[65], const void *data, size_t len)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	static const char hex[] = "0123456789abcdef";
	unsigned int i;
	EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL);
	for (i = 0; i < mdlen && i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
}

int jx__read_file(char **out, size_t *len, const char *path, size_t max)
{
	FILE *f;
	char *data = NULL;
	size_t cap = 0, n = 0, got;
	int rc = 0;

	*out = NULL;
	*len = 0;
	f = fopen(path, "rb");
	if (!f)
		return jx__error(JX_EIO, "%s: %s", path, strerror(errno));
	for (;;) {
		if ((rc = jx__grow((void **)&data, &cap, n + 65536 + 1, 1)) != 0)
			goto out;
		got = fread(data + n, 1, cap - n - 1, f);
		n += got;
		if (n > max) {
			rc = jx__error(JX_EINVAL, "%s: file is larger than %zu MiB; refusing to read it",
				       path, max >> 20);
			goto out;
		}
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		rc = jx__error(JX_EIO, "%s: read error: %s", path, strerror(errno));
		goto out;
	}
	data[n] = '\0';
	*out = data;
	*len = n;
	data = NULL;
out:
	free(data);
	fclose(f);
	return rc;
}
