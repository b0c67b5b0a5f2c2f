/* SPDX-License-Identifier: GPL-3.0-or-later */
/* zip.c -- the parts of an Office file (.docx, .xlsx), read from memory with caps.
 *
 * An Office file is a zip archive, and an untrusted one: a zip bomb claims
 * little and inflates to gigabytes, or holds a million entries. The archive
 * is opened from the bytes already in memory (nothing is written to disk);
 * it is refused when it has more than JX__ZIP_MAX_ENTRIES entries, when its
 * entries claim more than JX__ZIP_MAX_TOTAL bytes in all, or when a large
 * entry inflates more than JX__ZIP_MAX_RATIO times. Reading an entry stops
 * at the size it declared (libzip checks the CRC at the end), so a lying
 * header cannot make it inflate further.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include "ingest/internal.h"

struct jx__zip {
	const char *name;
	zip_t *za;
};

struct jx__zip_file {
	const jx__zip *z;
	zip_file_t *f;
	char entry[128];
	zip_uint64_t size, done;
};

static int zip_fail(const char *name, const char *what, const char *detail)
{
	return jx__error(JX_EPARSE, "%s: %s%s%s", name, what, detail ? ": " : "",
			 detail ? detail : "");
}

/* Declared sizes: count, total and ratio within the caps. */
static int check_entries(const jx__zip *z)
{
	zip_int64_t n = zip_get_num_entries(z->za, 0);
	zip_uint64_t total = 0;
	char msg[160];
	if (n < 0 || n > JX__ZIP_MAX_ENTRIES) {
		snprintf(msg, sizeof(msg), "%lld entries, more than the %d allowed", (long long)n,
			 JX__ZIP_MAX_ENTRIES);
		return zip_fail(z->name, _("refusing the archive"), msg);
	}
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		if (zip_stat_index(z->za, (zip_uint64_t)i, 0, &st) != 0)
			return zip_fail(z->name, _("damaged zip archive"), zip_strerror(z->za));
		if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
			continue;
		total += st.size;
		if (total > JX__ZIP_MAX_TOTAL) {
			snprintf(msg, sizeof(msg), _("its parts would inflate to more than %d MiB"),
				 (int)(JX__ZIP_MAX_TOTAL >> 20));
			return zip_fail(z->name, _("refusing the archive (a zip bomb?)"), msg);
		}
		if (st.size > ((zip_uint64_t)1 << 20) &&
		    st.size / (st.comp_size ? st.comp_size : 1) > JX__ZIP_MAX_RATIO) {
			snprintf(msg, sizeof(msg), _("%s inflates %llu times (at most %d allowed)"),
				 st.name ? st.name : _("an entry"),
				 (unsigned long long)(st.size / (st.comp_size ? st.comp_size : 1)),
				 JX__ZIP_MAX_RATIO);
			return zip_fail(z->name, _("refusing the archive (a zip bomb?)"), msg);
		}
	}
	return 0;
}

int jx__zip_open(jx__zip **out, const char *name, const char *data, size_t len)
{
	zip_error_t err;
	zip_source_t *src;
	jx__zip *z;
	int rc;
	*out = NULL;
	zip_error_init(&err);
	if (!(z = calloc(1, sizeof(*z))))
		return jx__oom();
	z->name = name;
	if (!(src = zip_source_buffer_create(data, len, 0, &err))) {
		free(z);
		rc = zip_fail(name, _("cannot read the zip archive"), zip_error_strerror(&err));
		zip_error_fini(&err);
		return rc;
	}
	if (!(z->za = zip_open_from_source(src, ZIP_RDONLY, &err))) {
		zip_source_free(src);
		free(z);
		rc = zip_fail(name, _("not a valid zip archive (damaged or cut short?)"),
			      zip_error_strerror(&err));
		zip_error_fini(&err);
		return rc;
	}
	zip_error_fini(&err);
	if ((rc = check_entries(z)) != 0) {
		jx__zip_close(z);
		return rc;
	}
	*out = z;
	return 0;
}

void jx__zip_close(jx__zip *z)
{
	if (!z)
		return;
	if (z->za)
		zip_discard(z->za);
	free(z);
}

const char *jx__zip_name(const jx__zip *z)
{
	return z->name;
}

size_t jx__zip_size(const jx__zip *z, const char *entry)
{
	zip_int64_t i = zip_name_locate(z->za, entry, 0);
	zip_stat_t st;
	if (i < 0 || zip_stat_index(z->za, (zip_uint64_t)i, 0, &st) != 0 ||
	    !(st.valid & ZIP_STAT_SIZE))
		return 0;
	return (size_t)st.size;
}

int jx__zip_has(const jx__zip *z, const char *entry)
{
	return zip_name_locate(z->za, entry, 0) >= 0;
}

int jx__zip_entry_open(jx__zip_file **out, const jx__zip *z, const char *entry, size_t max)
{
	zip_int64_t i = zip_name_locate(z->za, entry, 0);
	zip_stat_t st;
	jx__zip_file *f;
	char msg[160];
	*out = NULL;
	if (i < 0)
		return zip_fail(z->name, _("a part is missing from the archive"), entry);
	if (zip_stat_index(z->za, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
		return zip_fail(z->name, _("damaged zip archive"), entry);
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
		return zip_fail(z->name, _("the archive is password-protected"), entry);
	if (st.size > max) {
		snprintf(msg, sizeof(msg), "%s is %llu MiB, more than the %zu MiB allowed", entry,
			 (unsigned long long)(st.size >> 20), max >> 20);
		return zip_fail(z->name, _("refusing the file"), msg);
	}
	if (!(f = calloc(1, sizeof(*f))))
		return jx__oom();
	if (!(f->f = zip_fopen_index(z->za, (zip_uint64_t)i, 0))) {
		free(f);
		return zip_fail(z->name, _("cannot read a part of the archive"),
				zip_strerror(z->za));
	}
	f->z = z;
	snprintf(f->entry, sizeof(f->entry), "%s", entry);
	f->size = st.size;
	*out = f;
	return 0;
}

long jx__zip_entry_read(jx__zip_file *f, char *buf, size_t size)
{
	zip_int64_t got;
	if (f->done >= f->size) {
		char extra;
		/* a part that goes on past its declared size is damaged or hostile */
		got = zip_fread(f->f, &extra, 1);
		if (got == 0)
			return 0;
		return zip_fail(f->z->name, _("damaged zip archive"),
				got < 0 ? zip_file_strerror(f->f)
					: _("a part is longer than it says"));
	}
	if (size > f->size - f->done)
		size = (size_t)(f->size - f->done);
	got = zip_fread(f->f, buf, size);
	if (got < 0)
		return zip_fail(f->z->name, _("damaged zip archive"), zip_file_strerror(f->f));
	if (got == 0)
		return zip_fail(f->z->name, _("damaged zip archive"), "a part is cut short");
	f->done += (zip_uint64_t)got;
	return (long)got;
}

void jx__zip_entry_close(jx__zip_file *f)
{
	if (!f)
		return;
	zip_fclose(f->f);
	free(f);
}

int jx__zip_read(char **out, size_t *len, const jx__zip *z, const char *entry, size_t max)
{
	jx__zip_file *f;
	jx__buf b;
	char chunk[16384];
	long got;
	int rc;
	*out = NULL;
	*len = 0;
	if ((rc = jx__zip_entry_open(&f, z, entry, max)) != 0)
		return rc;
	jx__buf_init(&b);
	while ((got = jx__zip_entry_read(f, chunk, sizeof(chunk))) > 0)
		jx__buf_put(&b, chunk, (size_t)got);
	jx__zip_entry_close(f);
	if (got < 0) {
		jx__buf_free(&b);
		return (int)got;
	}
	*len = b.len;
	if (!(*out = jx__buf_detach(&b)))
		return JX_ENOMEM;
	return 0;
}
