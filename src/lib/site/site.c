/* SPDX-License-Identifier: GPL-3.0-or-later */
/* site.c -- build the whole site as one set: the overview (with the rank rows
 * of the departments' latest years, kept for the department pages) is computed
 * once, then the index, the department pages and the weak-indicator pages are
 * written into a temporary directory beside the target and moved into place
 * together (jx_outset). */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include "site/internal.h"

void jx_site_request_init(jx_site_request *r)
{
	memset(r, 0, sizeof(*r));
	jx_overview_request_init(&r->overview);
	r->lang = JX_LANG_ZH;
}

/* For each department, the listed indicators it lost points on in the window. */
static int department_links(jx__site *s)
{
	const jx_overview *ov = s->ov;
	size_t n = 0, *fill;
	s->dept_first = calloc(ov->ndepartments + 1, sizeof(size_t));
	s->dept_prov = calloc(ov->ndepartments + 1, sizeof(*s->dept_prov));
	fill = calloc(ov->ndepartments + 1, sizeof(size_t));
	if (!s->dept_first || !s->dept_prov || !fill) {
		free(fill);
		return jx__oom();
	}
	for (size_t i = 0; i < ov->ncells; i++)
		if (ov->cells[i].provenance == JX_PROV_SYNTHETIC)
			s->dept_prov[ov->cells[i].dept] = JX_PROV_SYNTHETIC;
	for (size_t i = 0; i < ov->nindicators; i++)
		for (size_t k = 0; k < ov->indicators[i].nlosses; k++)
			if (k == 0 || ov->indicators[i].losses[k - 1].dept !=
					      ov->indicators[i].losses[k].dept) {
				s->dept_first[ov->indicators[i].losses[k].dept + 1]++;
				n++;
			}
	for (size_t d = 0; d < ov->ndepartments; d++)
		s->dept_first[d + 1] += s->dept_first[d];
	if (!(s->dept_weak = malloc((n ? n : 1) * sizeof(size_t)))) {
		free(fill);
		return jx__oom();
	}
	for (size_t i = 0; i < ov->nindicators; i++)
		for (size_t k = 0; k < ov->indicators[i].nlosses; k++) {
			size_t d = ov->indicators[i].losses[k].dept;
			if (k == 0 || ov->indicators[i].losses[k - 1].dept != d)
				s->dept_weak[s->dept_first[d] + fill[d]++] = i;
		}
	free(fill);
	return 0;
}

static int make_dirs(const char *tmp)
{
	static const char *const subs[] = {"dept", "weak"};
	for (size_t i = 0; i < 2; i++) {
		char *p = jx__sprintf("%s/%s", tmp, subs[i]);
		int bad = !p || mkdir(p, 0755);
		free(p);
		if (bad)
			return jx__error(JX_EIO, "%s: %s", subs[i], strerror(errno));
	}
	return 0;
}

static int pages(jx__site *s, jx_store *st)
{
	int rc = make_dirs(s->tmp);
	if (rc == 0)
		rc = jx__site_index(s);
	for (size_t d = 0; rc == 0 && d < s->ov->ndepartments; d++)
		if ((rc = jx__site_department(s, st, d)) == 0)
			s->stats.departments++;
	for (size_t i = 0; rc == 0 && i < s->ov->nindicators; i++)
		if ((rc = jx__site_indicator(s, i)) == 0)
			s->stats.indicators++;
	return rc;
}

int jx_site_write(jx_store *st, const jx_site_request *req, const char *dir, jx_site_stats *stats)
{
	jx__site s = {.req = req};
	jx_overview_request orq = req->overview;
	jx_outset *set = NULL;
	jx_lang saved = jx_i18n_lang();
	int rc;
	orq.keep_ranks = 1;
	jx_i18n_set(req->lang); /* the pages' language; messages follow it until the end */
	if ((rc = jx_overview_compute(&s.ov, st, &orq)) || (rc = department_links(&s)) ||
	    (rc = jx_outset_open(&set, dir)))
		goto out;
	s.tmp = jx_outset_temp_dir(set);
	if ((rc = pages(&s, st)) == 0) {
		rc = jx_outset_commit(set);
		set = NULL;
	}
	if (rc == 0 && stats)
		*stats = s.stats;
out:
	jx_outset_abort(set);
	jx_overview_free(s.ov);
	free(s.dept_weak);
	free(s.dept_first);
	free(s.dept_prov);
	jx_i18n_set(saved);
	return rc;
}
