/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cfb.c -- what an OLE compound file holds: Word, Excel, an encrypted OOXML package.
 *
 * The binary Office formats (.doc, .xls; WPS's .wps and .et) and password-
 * protected .docx/.xlsx are all "compound files" (MS-CFB): a little FAT file
 * system whose root storage names its streams. The stream names say what
 * the file is -- WordDocument, Workbook (or Book for Excel 5), EncryptedPackage
 * -- whatever the file is called. Only the root's children count: a Word
 * file that embeds a spreadsheet has a Workbook stream deeper down.
 *
 * The file is untrusted: every sector number is checked against the file's
 * length, chains are followed at most once per sector (no loops), and the
 * directory tree is walked with a visited mark per entry. */
#include <string.h>
#include "ingest/internal.h"

#define ENDOFCHAIN 0xFFFFFFFEu
#define MAX_DIR_ENTRIES 65536u /* a real directory has tens */

typedef struct {
	const unsigned char *data;
	size_t len;
	unsigned shift;   /* sector size = 1 << shift */
	size_t nsectors;  /* whole sectors after the header */
	uint32_t *fatsec; /* sector numbers of the FAT's own sectors */
	size_t nfatsec;
} cfb;

static uint32_t u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static unsigned u16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

/* The bytes of sector s, or NULL when it lies outside the file. */
static const unsigned char *sector(const cfb *c, uint32_t s)
{
	return s < c->nsectors ? c->data + ((size_t)s + 1) * ((size_t)1 << c->shift) : NULL;
}

/* The FAT entry of sector s (its successor), or ENDOFCHAIN when out of range. */
static uint32_t fat_next(const cfb *c, uint32_t s)
{
	size_t per = ((size_t)1 << c->shift) / 4;
	const unsigned char *fs;
	if ((size_t)s / per >= c->nfatsec || !(fs = sector(c, c->fatsec[(size_t)s / per])))
		return ENDOFCHAIN;
	return u32(fs + 4 * ((size_t)s % per));
}

/* The FAT's sector numbers: 109 in the header, the rest in the DIFAT chain. */
static int load_fat_sectors(cfb *c)
{
	size_t want = u32(c->data + 0x2C), per = ((size_t)1 << c->shift) / 4, steps = 0;
	uint32_t difat = u32(c->data + 0x44);
	if (want > c->nsectors)
		return -1;
	if (!(c->fatsec = calloc(want ? want : 1, sizeof(*c->fatsec))))
		return jx__oom();
	for (size_t i = 0; i < 109 && c->nfatsec < want; i++)
		c->fatsec[c->nfatsec++] = u32(c->data + 0x4C + 4 * i);
	while (c->nfatsec < want) {
		const unsigned char *d = sector(c, difat);
		if (!d || ++steps > c->nsectors)
			return -1;
		for (size_t i = 0; i + 1 < per && c->nfatsec < want; i++)
			c->fatsec[c->nfatsec++] = u32(d + 4 * i);
		difat = u32(d + 4 * (per - 1));
	}
	return 0;
}

/* The directory entries, in chain order, into *out (malloc'd pointers into the file). */
static int load_directory(const cfb *c, const unsigned char ***out, size_t *n)
{
	size_t per = ((size_t)1 << c->shift) / 128, cap = 0, steps = 0;
	uint32_t s = u32(c->data + 0x30);
	*out = NULL;
	*n = 0;
	while (s != ENDOFCHAIN) {
		const unsigned char *sec = sector(c, s);
		if (!sec || ++steps > c->nsectors || *n >= MAX_DIR_ENTRIES)
			return -1;
		if (jx__grow((void **)out, &cap, *n + per, sizeof(**out)) != 0)
			return JX_ENOMEM;
		for (size_t i = 0; i < per; i++)
			(*out)[(*n)++] = sec + 128 * i;
		s = fat_next(c, s);
	}
	return *n ? 0 : -1;
}

/* 1 when entry e is named name (ASCII) in its UTF-16LE name field. */
static int named(const unsigned char *e, const char *name)
{
	size_t k = strlen(name);
	if (u16(e + 0x40) != 2 * (k + 1))
		return 0;
	for (size_t i = 0; i < k; i++)
		if (e[2 * i] != (unsigned char)name[i] || e[2 * i + 1])
			return 0;
	return 1;
}

/* Walk the root's children (a binary tree of siblings from the root's child). */
static jx__cfb_kind root_streams(const unsigned char **dir, size_t n)
{
	uint32_t stack[64];
	unsigned char *seen = calloc(n, 1);
	size_t top = 0;
	int word = 0, excel = 0, encrypted = 0;
	if (!seen)
		return JX__CFB_DAMAGED;
	stack[top++] = u32(dir[0] + 0x4C);
	while (top > 0) {
		uint32_t i = stack[--top];
		const unsigned char *e;
		if (i >= n || seen[i])
			continue;
		seen[i] = 1;
		e = dir[i];
		word |= named(e, "WordDocument");
		excel |= named(e, "Workbook") || named(e, "Book");
		encrypted |= named(e, "EncryptedPackage");
		if (top + 2 <= sizeof(stack) / sizeof(*stack)) {
			stack[top++] = u32(e + 0x44);
			stack[top++] = u32(e + 0x48);
		}
	}
	free(seen);
	return encrypted ? JX__CFB_ENCRYPTED
	       : word    ? JX__CFB_WORD
	       : excel   ? JX__CFB_EXCEL
			 : JX__CFB_OTHER;
}

int jx__cfb_is(const char *data, size_t len)
{
	return len >= 512 && !memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

jx__cfb_kind jx__cfb_sniff(const char *data, size_t len)
{
	cfb c;
	const unsigned char **dir = NULL;
	size_t ndir = 0;
	jx__cfb_kind kind = JX__CFB_DAMAGED;
	if (!jx__cfb_is(data, len))
		return JX__CFB_NONE;
	memset(&c, 0, sizeof(c));
	c.data = (const unsigned char *)data;
	c.len = len;
	c.shift = u16(c.data + 0x1E);
	if (c.shift != 9 && c.shift != 12)
		return JX__CFB_DAMAGED;
	c.nsectors = len / ((size_t)1 << c.shift) - 1;
	if (load_fat_sectors(&c) == 0 && load_directory(&c, &dir, &ndir) == 0)
		kind = root_streams(dir, ndir);
	free(dir);
	free(c.fatsec);
	return kind;
}
