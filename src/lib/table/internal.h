/* SPDX-License-Identifier: GPL-3.0-or-later */
/* table/internal.h -- what the result table's files share; not part of the API. */
#ifndef JX_TABLE_INTERNAL_H
#define JX_TABLE_INTERNAL_H

#include "text/internal.h"
#include "jixiao/table.h"

typedef struct {
	char *text;   /* CSV form; NULL = empty */
	double value; /* numeric columns; NaN = empty */
} cell;

typedef struct {
	char *name, *heading;
	char *csv_name; /* the CSV header's name when set (jx_table_set_csv_name); NULL: name */
	jx_col_type type;
	int decimals;
} column;

struct jx_table {
	jx__arena text; /* cell texts */
	column *cols;
	size_t ncols, cols_cap;
	cell *cells; /* row-major, nrows * ncols */
	size_t nrows, cells_cap;
	unsigned char *marks;
	size_t marks_cap;
	char **notes;
	size_t nnotes, notes_cap;
	size_t max_width; /* of a column in the terminal format; 0: none */
	int rc;           /* the first failure; nothing changes after it */
	char msg[256];    /* its message */
};

/** The table as aligned text through v (NULL: every column as is). 0 or JX_ENOMEM. */
int jx__table_write_text(const jx_table *t, FILE *out, const jx_table_view *v);

#endif
