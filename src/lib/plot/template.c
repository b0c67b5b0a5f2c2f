/* SPDX-License-Identifier: GPL-3.0-or-later */
/* template.c -- chart templates: compiled in from plots/, or read from a directory.
 *
 * The table jx__templates is generated at build time by
 * cmake/embed_templates.cmake. A templates directory overrides the
 * built-in template of each chart whose DIR/<name>.gp exists, so a user
 * can restyle one chart without copying all of them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "plot/internal.h"

struct jx_template_entry {
	const char *name;
	const char *text;
};
extern const struct jx_template_entry jx__templates[];

#define TEMPLATE_MAX ((size_t)1 << 20)

const char *jx_plot_builtin_template(const char *name)
{
	const struct jx_template_entry *e;
	if (!name)
		return NULL;
	for (e = jx__templates; e->name; e++)
		if (strcmp(e->name, name) == 0)
			return e->text;
	return NULL;
}

int plot__template_load(char **out, const char *dir, const char *name)
{
	const char *builtin;
	*out = NULL;
	if (dir) {
		struct stat st;
		char *path;
		int rc;
		if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
			return jx__error(JX_ENOTFOUND, _("%s: templates directory not found"), dir);
		if (!(path = jx__sprintf("%s/%s.gp", dir, name)))
			return jx__oom();
		if (stat(path, &st) == 0) {
			size_t len;
			rc = jx__read_file(out, &len, path, TEMPLATE_MAX);
			free(path);
			return rc;
		}
		free(path);
	}
	builtin = jx_plot_builtin_template(name);
	if (!builtin)
		return jx__error(JX_ENOTFOUND, _("no template named %s"), name);
	*out = jx__strdup(builtin);
	return *out ? 0 : jx__oom();
}
