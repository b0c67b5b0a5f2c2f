/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdf/internal.h -- reading tables out of PDF pages; not part of the API.
 *
 * PDFs are untrusted, so poppler never runs in the importing process: a
 * child process (jx__child_run, base/child.c) opens the file with
 * poppler-glib, takes each
 * page's characters with their boxes and renders the page with cairo to
 * find its ruling lines (extract.c, rules.c), and sends that geometry back
 * over a pipe in a length-prefixed form (wire.c), under CPU-time, memory and
 * wall-clock limits. Everything after that is plain geometry in the parent:
 * cell grids from the lines (grid.c), rule-less tables from the gaps between
 * words (stream.c), characters into cells and lines (text.c), one page's
 * tables and paragraphs (page.c), and the document across pages --
 * continued tables, repeated headers, page numbers (document.c). The
 * ingest module turns the result into a jx_doc. debug.c draws what was
 * found over the pages (import --debug-grid).
 *
 * Coordinates are PDF points with the origin at the page's top-left corner
 * and y growing downwards, as poppler-glib gives them.
 */
#ifndef JX_PDF_INTERNAL_H
#define JX_PDF_INTERNAL_H

#include <stddef.h>
#include "text/internal.h"

/* ---- geometry: what the child sends back ---- */

typedef struct {
	double x0, y0, x1, y1; /* x0 <= x1, y0 <= y1 */
} jx__pdf_box;

/** One character as poppler lays it out. */
typedef struct {
	unsigned cp;     /* code point; U+0020 for the spaces poppler puts between words */
	jx__pdf_box box; /* the glyph's box (font ascent to descent: taller than the ink) */
	double size;     /* font size in points, 0 when not known */
} jx__pdf_char;

/** A ruling line: horizontal at y = pos from x = from to x = to, or vertical. */
typedef struct {
	double pos, from, to; /* from < to */
	int vertical;
} jx__pdf_seg;

/** One page's geometry. */
typedef struct {
	int number;           /* 1-based */
	double width, height; /* points */
	jx__pdf_char *chars;
	size_t nchars;
	jx__pdf_seg *segs;
	size_t nsegs;
	unsigned char *image; /* grey levels of the rendering (--debug-grid only), else NULL */
	int img_w, img_h;
	double img_scale; /* image pixels per point */
} jx__pdf_page;

/** A whole document's geometry. */
typedef struct {
	jx__pdf_page *pages;
	size_t npages, cap;
} jx__pdf_geometry;

void jx__pdf_geometry_free(jx__pdf_geometry *g);
/** Append an empty page (borrowed pointer in *out). 0 or JX_ENOMEM. */
int jx__pdf_geometry_add_page(jx__pdf_page **out, jx__pdf_geometry *g);

/* Limits on what a page may hold (the parent refuses more). */
#define JX__PDF_MAX_PAGES 2000
#define JX__PDF_MAX_CHARS 200000 /* per page */
#define JX__PDF_MAX_SEGS 20000   /* per page */
#define JX__PDF_MAX_SIDE 14400.0 /* points: the largest page PDF allows */

/* ---- wire.c: the child's answer, length-prefixed records ---- */

/* What the child found out about the file as a whole. */
enum {
	JX__PDF_OK = 0,
	JX__PDF_DAMAGED = 1,   /* poppler could not open it */
	JX__PDF_ENCRYPTED = 2, /* needs a password */
	JX__PDF_TOO_MANY_PAGES = 3
};

/** Record tags. */
enum { JX__WIRE_STATUS = 'S', JX__WIRE_PAGE = 'P', JX__WIRE_END = 'E' };

/** Append a status record (a JX__PDF_* code and poppler's message). */
void jx__wire_put_status(jx__buf *b, int status, int npages, const char *message);
/** Append a page record: size, characters, ruling lines, optionally its image. */
void jx__wire_put_page(jx__buf *b, const jx__pdf_page *p);
/** Append the end record (its absence means the child was cut short). */
void jx__wire_put_end(jx__buf *b);

/**
 * Decode the child's answer into *g (pages appended); *status and
 * *message (malloc'd, may be NULL) from its status record. Every count,
 * length and coordinate is checked against the limits above: anything
 * out of range or a missing end record is JX_EPARSE "name: ...".
 */
int jx__wire_decode(jx__pdf_geometry *g, int *status, char **message, const char *name,
		    const unsigned char *data, size_t len);

/* ---- extract.c (child side): poppler and cairo ---- */

typedef struct {
	const char *data; /* the file's bytes */
	size_t len;
	int images; /* send each page's rendering too (--debug-grid) */
} jx__pdf_job;

/** Child body for jx__child_run (base/child.c): ctx is a jx__pdf_job. */
int jx__pdf_extract(void *ctx, int fd);

/* ---- rules.c: ruling lines in a rendered page ---- */

/**
 * Find the ruling lines of a page rendered as grey levels (w × h pixels,
 * scale pixels per point): long thin runs of dark pixels, short gaps
 * bridged, filled areas reduced to their edges; runs that lie along a line
 * of text (underlines, dashes, glyph strokes) dropped. Segments in points
 * are appended to *segs (jx__grow'n, *n of *cap). 0 or JX_ENOMEM.
 */
int jx__pdf_find_rules(jx__pdf_seg **segs, size_t *n, size_t *cap, const unsigned char *grey, int w,
		       int h, double scale, const jx__pdf_char *chars, size_t nchars);

/* ---- layout: tables and paragraphs ---- */

/** A cell of a found table: the anchor of a rowspan × colspan block. */
typedef struct {
	size_t row, col;
	int rowspan, colspan;
	char *text; /* UTF-8, "" when empty */
	int page;
	jx__pdf_box box;
} jx__pdf_cell;

typedef struct {
	int ruled; /* 1: from ruling lines; 0: from the gaps between words */
	size_t nrows, ncols;
	double *xs;          /* ncols + 1 column edges of the first page's part */
	double *ys;          /* nrows + 1 row edges (page-local; for drawing) */
	jx__pdf_cell *cells; /* anchors, in row-major order */
	size_t ncells, cap;
	int page_first, page_last;
	int continued;        /* page breaks it was joined across */
	int repeated_headers; /* header rows dropped from continuations */
	int rows_rejoined;    /* rows a page break had cut in two, made one again */
	jx__pdf_box box;      /* on its first page */
} jx__pdf_table;

void jx__pdf_table_free(jx__pdf_table *t);
/** Add an anchor (text copied). 0 or JX_ENOMEM. */
int jx__pdf_table_add(jx__pdf_table *t, size_t row, size_t col, int rowspan, int colspan,
		      const char *text, int page, jx__pdf_box box);

/** A paragraph or a table of the document, in reading order. */
typedef struct {
	jx__pdf_table *table; /* NULL for a paragraph */
	char *text;           /* paragraph text */
	int page;
	double y0, y1;  /* on its page */
	int furniture;  /* page header, footer or number: not part of the document */
	int open_start; /* paragraph: its first line is not indented (may continue one) */
	int open_end;   /* paragraph: its last line runs to the right margin (may go on) */
} jx__pdf_block;

typedef struct {
	jx__pdf_block *blocks;
	size_t nblocks, cap;
	char **notes; /* what the user should know (pages without text, ...) */
	size_t nnotes, notes_cap;
	int pages_without_text;
} jx__pdf_layout;

void jx__pdf_layout_free(jx__pdf_layout *l);
int jx__pdf_layout_note(jx__pdf_layout *l, const char *fmt, ...) JX__PRINTF(2, 3);
/** Append a block owning table or text (both freed on failure). 0 or JX_ENOMEM. */
int jx__pdf_layout_add(jx__pdf_layout *l, jx__pdf_table *table, char *text, int page, double y0,
		       double y1);

/* grid.c: ruled tables of one page from its ruling lines (geometry only, no text) */

/** A ruled grid: its edges and anchors (text NULL). */
typedef struct {
	double *xs, *ys; /* ncols + 1, nrows + 1 edges, increasing */
	size_t nrows, ncols;
	jx__pdf_cell *cells; /* anchors; text NULL */
	size_t ncells;
	int *owner; /* nrows × ncols: index of the anchor covering each slot */
	int framed; /* tidy.c took a frame's full-width row off */
} jx__pdf_grid;

void jx__pdf_grid_free(jx__pdf_grid *g);
/**
 * The ruled tables of a page: collinear segments merged, crossing ones
 * grouped, each group of at least two horizontal and two vertical lines
 * with two or more cells a grid, a cell spanning where an inner line is
 * missing. *out gets *n grids (free each with jx__pdf_grid_free, then the
 * array). 0 or JX_ENOMEM.
 */
int jx__pdf_grids(jx__pdf_grid **out, size_t *n, const jx__pdf_seg *segs, size_t nsegs);

/* tidy.c */
/**
 * Clean a grid up: rows and columns in which no cell starts (double rules)
 * merged into their neighbours; full-width rows at the top and bottom and
 * full-height columns at the sides (a frame around the table, or a merged
 * title row) taken off, so that their text is read as paragraphs. At least
 * two rows and columns are kept. 0 or JX_ENOMEM.
 */
int jx__pdf_grid_tidy(jx__pdf_grid *g);

/* text.c: characters into lines and cell text */

/** A line of text: indexes of its characters, left to right. */
typedef struct {
	size_t *idx;
	size_t n;
	jx__pdf_box box; /* of its non-space characters */
	double em;       /* typical character size */
} jx__pdf_line;

void jx__pdf_lines_free(jx__pdf_line *lines, size_t n);
/** 1 for CJK ideographs, kana, full-width forms and CJK punctuation. */
int jx__pdf_is_cjk(unsigned cp);
/** A character's vertical centre and its size (font size, else the box height). */
double jx__pdf_char_cy(const jx__pdf_char *c);
double jx__pdf_char_em(const jx__pdf_char *c);
/**
 * Group the characters chars[idx[0..n)] into lines (top to bottom, each
 * left to right). 0 or JX_ENOMEM.
 */
int jx__pdf_lines(jx__pdf_line **out, size_t *nout, const jx__pdf_char *chars, const size_t *idx,
		  size_t n);
/**
 * Append the text of lines[from..to) to b as one paragraph, taking the
 * characters whose middle lies in [x0, x1) (-HUGE_VAL, HUGE_VAL: all): no
 * space between CJK characters or next to one (where a layout dump puts
 * them), one between words of other scripts, lines joined the same way.
 * wide_gaps: a gap wider than two em inside a line is a space whatever the
 * script (paragraphs: "单位：某局      日期：…"; not cells, where Word's
 * distributed alignment spreads "合    计").
 */
void jx__pdf_join(jx__buf *b, const jx__pdf_char *chars, const jx__pdf_line *lines, size_t from,
		  size_t to, double x0, double x1, int wide_gaps);

/* stream.c: tables without ruling lines */

/** A chunk of a line: characters separated from the rest by a wide gap. */
typedef struct {
	double x0, x1;
} jx__pdf_chunk;

/**
 * Find rule-less tables among lines[0..n) (the text of a page outside its
 * ruled tables, top to bottom): runs of lines split into three or more
 * columns by gaps that line up. Each table found is appended to *tables
 * (ruled = 0) and its lines marked in used[]. 0 or JX_ENOMEM.
 */
int jx__pdf_stream_tables(jx__pdf_table ***tables, size_t *ntables, size_t *cap,
			  unsigned char *used, const jx__pdf_char *chars, const jx__pdf_line *lines,
			  size_t n, int page);

/* page.c: one page */

/**
 * Lay out one page: its ruled tables with their text, rule-less tables,
 * and the remaining lines as paragraphs, appended to l in reading order
 * (top to bottom). left and right are the document's text margins (where
 * a wrapped paragraph's lines start and end). 0 or JX_ENOMEM.
 */
int jx__pdf_layout_page(jx__pdf_layout *l, const jx__pdf_page *p, double left, double right);

/* document.c: across pages */

/** Text without white space, full-width digits folded; digits_as_hash: each run of
 *  digits as '#' (page numbers, running heads). Always NUL-terminates out. */
void jx__pdf_shape(char *out, size_t size, const char *s, int digits_as_hash);
/** Remove block i of l (freeing it). */
void jx__pdf_drop_block(jx__pdf_layout *l, size_t i);
/** continue.c: join each table that ends a page with the one that starts the next when
 *  their columns line up (repeated header rows dropped, a row cut in two made one). */
int jx__pdf_join_tables(jx__pdf_layout *l);

/**
 * The whole document: every page laid out, page headers, footers and
 * numbers marked as furniture, a table continued on the next page joined
 * to its start (repeated header rows dropped), a paragraph continued on
 * the next page joined. 0 or JX_ENOMEM.
 */
int jx__pdf_layout_document(jx__pdf_layout *l, const jx__pdf_geometry *g);

/* debug.c */

/**
 * Draw the pages that hold tables (or the first page), with the ruling
 * lines found (red) and the cells of each table (blue; green for rule-less
 * ones), into a PNG at path, written through jx_output (atomically, never
 * over the database). Pages without an image are drawn blank. 0, JX_EINVAL
 * (path refused) or JX_EIO.
 */
int jx__pdf_debug_png(const char *path, const jx__pdf_geometry *g, const jx__pdf_layout *l);

/* pdf.c: the whole reader */

/**
 * Read a PDF's bytes (name for messages) into *out (the caller's,
 * jx__pdf_layout_free): extraction in a child process with limits, then the layout. With
 * debug_png, also draw the grid found there. Encrypted, scanned (no text
 * on any page), damaged and too-costly files are JX_EPARSE with a message
 * saying what to do.
 */
int jx__pdf_read(jx__pdf_layout **out, const char *name, const char *data, size_t len,
		 const char *debug_png);

#endif
