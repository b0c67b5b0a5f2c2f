/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hash.c -- hashes: a multiplicative hash for the in-memory hash tables, SHA-256 (OpenSSL)
 * for contents.
 *
 * jx__hash is the one hash of every open-addressing table in the library. It
 * was FNV-1a, one multiplication per byte; the names it hashes are Chinese
 * (three bytes a character, keys of 40-60 bytes), so it now takes eight bytes
 * a step (FNV's basis and prime, a shift after each multiplication so that
 * high bytes reach the low bits the tables mask with, and a final mix):
 * hashing the rows of every department for the ranks went from a tenth of a
 * report's instructions to a fiftieth (issue 23). Its values never leave the
 * process, so it may change freely. Content hashes are stored in databases
 * and must never change. */
#include <string.h>
#include <openssl/evp.h>
#include "base/internal.h"

#define FNV_OFFSET 14695981039346656037ULL
#define FNV_PRIME 1099511628211ULL

uint64_t jx__hash(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t h = (FNV_OFFSET ^ seed) + (uint64_t)len * FNV_PRIME, w;
	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * FNV_PRIME;
		h ^= h >> 29;
	}
	if (len) {
		w = 0;
		memcpy(&w, p, len);
		h = (h ^ w) * FNV_PRIME;
		h ^= h >> 29;
	}
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ULL;
	return h ^ (h >> 32);
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
