/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hash.c -- content hashes (SHA-256 through OpenSSL). */
#include <openssl/evp.h>
#include "base/internal.h"

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
