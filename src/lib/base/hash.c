/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hash.c -- hashes: FNV-1a for the in-memory hash tables, SHA-256 (OpenSSL) for contents.
 *
 * FNV-1a (Fowler, Noll, Vo; 64-bit offset basis and prime) is the one hash
 * of every open-addressing table in the library; it is fast on short keys
 * and its values never leave the process, so it may change freely. Content
 * hashes are stored in databases and must never change. */
#include <openssl/evp.h>
#include "base/internal.h"

#define FNV_OFFSET 14695981039346656037ULL
#define FNV_PRIME 1099511628211ULL

uint64_t jx__hash(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t h = FNV_OFFSET ^ seed;
	for (size_t i = 0; i < len; i++)
		h = (h ^ p[i]) * FNV_PRIME;
	return h;
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
