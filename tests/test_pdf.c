/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_pdf.c -- the PDF reader's parts on hand-made geometry: ruling lines found in a
 * raster, grids with spans, text into cells, rule-less tables, pages joined, the child's
 * wire format. Fixture PDFs are read in test_pdf_fixtures.c; the child process's limits
 * are tested in test_base.c and test_legacy.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <math.h>
#include "pdf/internal.h"
#include "testutil.h"

/* ---- building geometry by hand ---- */

static void add_seg(jx__pdf_page *p, int vertical, double pos, double from, double to)
{
	p->segs = realloc(p->segs, (p->nsegs + 1) * sizeof(*p->segs));
	assert_non_null(p->segs);
	p->segs[p->nsegs].vertical = vertical;
	p->segs[p->nsegs].pos = pos;
	p->segs[p->nsegs].from = from;
	p->segs[p->nsegs++].to = to;
}

/* Lay out UTF-8 text from (x, top) at font size: ideographs one em wide, others 0.55 em,
 * spaces 0.3 em; boxes 1.3 em tall, as poppler gives them. */
static void add_text(jx__pdf_page *p, double x, double top, const char *s, double size)
{
	while (*s) {
		unsigned cp;
		size_t k = jx__utf8_decode((const unsigned char *)s, strlen(s), &cp);
		double w = cp == ' ' ? 0.3 * size : jx__pdf_is_cjk(cp) ? size : 0.55 * size;
		jx__pdf_char *c;
		assert_true(k > 0);
		s += k;
		p->chars = realloc(p->chars, (p->nchars + 1) * sizeof(*p->chars));
		assert_non_null(p->chars);
		c = &p->chars[p->nchars++];
		c->cp = cp;
		c->box.x0 = x;
		c->box.x1 = x + w;
		c->box.y0 = top;
		c->box.y1 = top + 1.3 * size;
		c->size = size;
		x += w;
	}
}

static jx__pdf_page *new_page(jx__pdf_geometry *g)
{
	jx__pdf_page *p;
	assert_int_equal(jx__pdf_geometry_add_page(&p, g), 0);
	p->width = 595;
	p->height = 842;
	return p;
}

static const jx__pdf_cell *anchor_at(const jx__pdf_table *t, size_t row, size_t col)
{
	for (size_t i = 0; i < t->ncells; i++)
		if (t->cells[i].row == row && t->cells[i].col == col)
			return &t->cells[i];
	return NULL;
}

static jx__pdf_layout *lay_out(const jx__pdf_geometry *g)
{
	jx__pdf_layout *l = calloc(1, sizeof(*l));
	assert_non_null(l);
	assert_int_equal(jx__pdf_layout_document(l, g), 0);
	return l;
}

/* A 3 × 3 ruled table: the wall between (0,0) and (0,1) missing (one cell over two
 * columns), the wall between (1,2) and (2,2) missing (one cell over two rows); rules
 * drawn in pieces with small gaps, the bottom one doubled. */
static void ruled_table(jx__pdf_page *p, double top)
{
	add_seg(p, 0, top, 50, 200);
	add_seg(p, 0, top + 0.4, 202, 350); /* a 2 pt gap, 0.4 pt off */
	add_seg(p, 0, top + 20, 50, 350);
	add_seg(p, 0, top + 40, 50, 250); /* no wall under (1,2) */
	add_seg(p, 0, top + 60, 50, 350);
	add_seg(p, 0, top + 61.5, 50, 350); /* double rule */
	add_seg(p, 1, 50, top, top + 60);
	add_seg(p, 1, 150, top + 20, top + 60); /* no wall between (0,0) and (0,1) */
	add_seg(p, 1, 250, top, top + 60);
	add_seg(p, 1, 350, top, top + 61.5);
}

static void test_pdf__grid_has_spans_where_walls_are_missing(void **state)
{
	jx__pdf_geometry g = {0};
	jx__pdf_page *p = new_page(&g);
	jx__pdf_grid *grids;
	size_t n;
	const jx__pdf_cell *c;
	(void)state;
	ruled_table(p, 100);
	assert_int_equal(jx__pdf_grids(&grids, &n, p->segs, p->nsegs), 0);
	assert_int_equal(n, 1);
	assert_int_equal(grids[0].nrows, 3);
	assert_int_equal(grids[0].ncols, 3);
	/* 9 slots: (0,0) covers two, (1,2) covers two: 7 anchors */
	assert_int_equal(grids[0].ncells, 7);
	assert_true(fabs(grids[0].xs[1] - 150) < 0.01 && fabs(grids[0].ys[3] - 160.75) < 0.8);
	assert_int_equal(grids[0].owner[0], grids[0].owner[1]);
	assert_int_equal(grids[0].owner[1 * 3 + 2], grids[0].owner[2 * 3 + 2]);
	c = &grids[0].cells[grids[0].owner[0]];
	assert_int_equal(c->colspan, 2);
	assert_int_equal(c->rowspan, 1);
	c = &grids[0].cells[grids[0].owner[5]];
	assert_int_equal(c->rowspan, 2);
	assert_int_equal(c->colspan, 1);
	jx__pdf_grid_free(&grids[0]);
	free(grids);
	jx__pdf_geometry_free(&g);
}

static void test_pdf__lone_lines_and_boxes_are_no_table(void **state)
{
	jx__pdf_geometry g = {0};
	jx__pdf_page *p = new_page(&g);
	jx__pdf_grid *grids;
	size_t n;
	(void)state;
	add_seg(p, 0, 50, 50, 500);   /* a rule under a page head */
	add_seg(p, 0, 300, 100, 200); /* a framed box: one cell */
	add_seg(p, 0, 340, 100, 200);
	add_seg(p, 1, 100, 300, 340);
	add_seg(p, 1, 200, 300, 340);
	assert_int_equal(jx__pdf_grids(&grids, &n, p->segs, p->nsegs), 0);
	assert_int_equal(n, 0);
	free(grids);
	jx__pdf_geometry_free(&g);
}

static void test_pdf__text_goes_to_the_cell_holding_its_middle(void **state)
{
	jx__pdf_geometry g = {0};
	jx__pdf_page *p = new_page(&g);
	jx__pdf_layout *l;
	const jx__pdf_table *t;
	(void)state;
	ruled_table(p, 100);
	add_text(p, 60, 104, "权重 and", 10);    /* the spanning top-left cell */
	add_text(p, 60, 124, "2023 年度", 10);   /* poppler's space before an ideograph */
	add_text(p, 160, 124, "Table Grid", 10); /* a space between words stays */
	add_text(p, 255, 122, "指标 1:", 10);    /* (1,2) spans two rows: two lines */
	add_text(p, 255, 140, "完成", 10);
	add_text(p, 60, 144, "3", 10);
	add_text(p, 50, 300, "表格以外的一段文字。", 10);
	l = lay_out(&g);
	assert_int_equal(l->nblocks, 2);
	assert_non_null(t = l->blocks[0].table);
	assert_string_equal(anchor_at(t, 0, 0)->text, "权重and");
	assert_string_equal(anchor_at(t, 1, 0)->text, "2023年度");
	assert_string_equal(anchor_at(t, 1, 1)->text, "Table Grid");
	assert_string_equal(anchor_at(t, 1, 2)->text, "指标1:完成");
	assert_string_equal(anchor_at(t, 2, 0)->text, "3");
	assert_string_equal(anchor_at(t, 2, 1)->text, "");
	assert_null(anchor_at(t, 2, 2)); /* covered */
	assert_null(l->blocks[1].table);
	assert_string_equal(l->blocks[1].text, "表格以外的一段文字。");
	jx__pdf_layout_free(l);
	jx__pdf_geometry_free(&g);
}

static void test_pdf__cjk_lines_join_without_spaces_words_with_one(void **state)
{
	jx__pdf_geometry g = {0};
	jx__pdf_page *p = new_page(&g);
	size_t idx[64], n = 0;
	jx__pdf_line *lines;
	size_t nl;
	jx__buf b;
	(void)state;
	add_text(p, 10, 10, "指标 1: 完成中", 10);
	add_text(p, 10, 25, "型灌区 12 处", 10);
	add_text(p, 10, 40, "target", 10);
	add_text(p, 10, 55, "value 10", 10);
	add_text(p, 10, 70, "0", 10); /* a number cut by the wrap: no space */
	for (size_t i = 0; i < p->nchars; i++)
		idx[n++] = i;
	assert_int_equal(jx__pdf_lines(&lines, &nl, p->chars, idx, n), 0);
	assert_int_equal(nl, 5);
	jx__buf_init(&b);
	jx__pdf_join(&b, p->chars, lines, 0, nl, -HUGE_VAL, HUGE_VAL, 0);
	assert_string_equal(b.data, "指标1:完成中型灌区12处target value 100");
	jx__buf_free(&b);
	jx__pdf_lines_free(lines, nl);
	jx__pdf_geometry_free(&g);
}

/* Rows of a rule-less table: name, explanation (wrapping), weight, score. */
static void stream_rows(jx__pdf_page *p, double top, int header)
{
	double y = top;
	if (header) {
		add_text(p, 50, y, "三级指标", 10);
		add_text(p, 150, y, "指标解释", 10);
		add_text(p, 300, y, "权重", 10);
		add_text(p, 350, y, "得分", 10);
		y += 20;
	}
	add_text(p, 50, y, "预算执行率", 10);
	add_text(p, 150, y, "部门预算执行", 10);
	add_text(p, 300, y, "4", 10);
	add_text(p, 350, y, "3.5", 10);
	add_text(p, 150, y + 14, "进度情况。", 10);
	y += 34;
	add_text(p, 50, y, "资金执行率", 10);
	add_text(p, 150, y, "专项资金执行", 10);
	add_text(p, 300, y, "4", 10);
	add_text(p, 350, y, "4", 10);
	add_text(p, 50, y + 14, "（专项）", 10);
	add_text(p, 150, y + 14, "进度情况。", 10);
}

static void test_pdf__rule_less_table_rows_start_at_numbers(void **state)
{
	jx__pdf_geometry g = {0};
	jx__pdf_page *p = new_page(&g);
	jx__pdf_layout *l;
	const jx__pdf_table *t;
	(void)state;
	add_text(p, 50, 60, "绩效评价指标体系", 12);
	stream_rows(p, 100, 1);
	add_text(p, 50, 300, "三、存在问题及原因分析", 10);
	l = lay_out(&g);
	assert_int_equal(l->nblocks, 3);
	assert_string_equal(l->blocks[0].text, "绩效评价指标体系");
	assert_non_null(t = l->blocks[1].table);
	assert_int_equal(t->ruled, 0);
	assert_int_equal(t->nrows, 3);
	assert_int_equal(t->ncols, 4);
	assert_string_equal(anchor_at(t, 0, 3)->text, "得分");
	assert_string_equal(anchor_at(t, 1, 1)->text, "部门预算执行进度情况。");
	assert_string_equal(anchor_at(t, 1, 3)->text, "3.5");
	assert_string_equal(anchor_at(t, 2, 0)->text, "资金执行率（专项）");
	assert_string_equal(l->blocks[2].text, "三、存在问题及原因分析");
	jx__pdf_layout_free(l);
	jx__pdf_geometry_free(&g);
}

static void test_pdf__continued_table_is_one_with_its_header_once(void **state)
{
	jx__pdf_geometry g = {0};
	jx__pdf_page *p1 = new_page(&g), *p2;
	jx__pdf_layout *l;
	const jx__pdf_table *t;
	(void)state;
	ruled_table(p1, 700);
	add_text(p1, 60, 704, "权重", 10);
	add_text(p1, 60, 724, "a", 10);
	add_text(p1, 290, 800, "- 1 -", 9); /* page number */
	p2 = new_page(&g);
	add_text(p2, 200, 72, "续表", 10);
	ruled_table(p2, 100);
	add_text(p2, 60, 104, "权重", 10); /* the header row again */
	add_text(p2, 60, 124, "b", 10);
	add_text(p2, 290, 800, "- 2 -", 9);
	l = lay_out(&g);
	assert_int_equal(l->nblocks, 1);
	assert_non_null(t = l->blocks[0].table);
	assert_int_equal(t->page_first, 1);
	assert_int_equal(t->page_last, 2);
	assert_int_equal(t->nrows, 5);
	assert_int_equal(t->repeated_headers, 1);
	assert_string_equal(anchor_at(t, 1, 0)->text, "a");
	assert_string_equal(anchor_at(t, 3, 0)->text, "b");
	assert_int_equal(anchor_at(t, 3, 0)->page, 2);
	assert_int_equal(anchor_at(t, 3, 2)->rowspan, 2);
	jx__pdf_layout_free(l);
	jx__pdf_geometry_free(&g);
}

static void test_pdf__row_cut_by_a_page_break_is_one_row(void **state)
{
	jx__pdf_geometry g = {0};
	jx__pdf_page *p1 = new_page(&g), *p2;
	jx__pdf_layout *l;
	const jx__pdf_table *t;
	(void)state;
	ruled_table(p1, 700);
	add_text(p1, 60, 704, "权重", 10);
	add_text(p1, 60, 744, "部门预算绩效", 10); /* (2,0): cut, goes on overleaf */
	add_text(p1, 160, 744, "4", 10);           /* (2,1): said all on this page */
	p2 = new_page(&g);
	ruled_table(p2, 100);
	add_text(p2, 60, 104, "权重", 10);         /* the header row again */
	add_text(p2, 60, 124, "管理执行情况", 10); /* the rest of (2,0); nothing under (2,1) */
	add_text(p2, 60, 144, "下一行", 10);
	add_text(p2, 160, 144, "5", 10);
	l = lay_out(&g);
	assert_int_equal(l->nblocks, 1);
	assert_non_null(t = l->blocks[0].table);
	assert_int_equal(t->rows_rejoined, 1);
	assert_int_equal(t->nrows, 4); /* 3 on the first page, the repeated header and the
					  rest of row 3 gone, one new row */
	assert_string_equal(anchor_at(t, 2, 0)->text, "部门预算绩效管理执行情况");
	assert_string_equal(anchor_at(t, 2, 1)->text, "4");
	assert_string_equal(anchor_at(t, 3, 0)->text, "下一行");
	assert_string_equal(anchor_at(t, 3, 1)->text, "5");
	jx__pdf_layout_free(l);
	jx__pdf_geometry_free(&g);
}

static void test_pdf__tables_that_do_not_line_up_stay_apart(void **state)
{
	jx__pdf_geometry g = {0};
	jx__pdf_page *p1 = new_page(&g), *p2;
	jx__pdf_layout *l;
	(void)state;
	ruled_table(p1, 700);
	add_text(p1, 60, 704, "甲", 10);
	p2 = new_page(&g);
	add_seg(p2, 0, 100, 80, 380); /* a 1 × 2 table 30 pt to the right */
	add_seg(p2, 0, 120, 80, 380);
	add_seg(p2, 1, 80, 100, 120);
	add_seg(p2, 1, 200, 100, 120);
	add_seg(p2, 1, 380, 100, 120);
	add_text(p2, 90, 104, "乙", 10);
	l = lay_out(&g);
	assert_int_equal(l->nblocks, 2);
	assert_int_equal(l->blocks[1].table->page_first, 2);
	jx__pdf_layout_free(l);
	jx__pdf_geometry_free(&g);
}

static void test_pdf__paragraph_cut_by_a_page_break_is_joined(void **state)
{
	jx__pdf_geometry g = {0};
	jx__pdf_page *p1 = new_page(&g), *p2;
	jx__pdf_layout *l;
	(void)state;
	add_text(p1, 70, 100, "一、部门概况", 10);
	add_text(p1, 90, 700, "部门预算数为四千八百二十一万元，其中基本支出", 20);
	add_text(p1, 70, 726, "三千一百二十万元，项目支出为一千七百万元，合计", 20);
	p2 = new_page(&g);
	add_text(p2, 70, 80, "四千八百二十一万元。", 20);
	add_text(p2, 90, 106, "二、评价结论", 20);
	l = lay_out(&g);
	assert_int_equal(l->nblocks, 3);
	assert_string_equal(l->blocks[1].text,
			    "部门预算数为四千八百二十一万元，其中基本支出三千一百"
			    "二十万元，项目支出为一千七百万元，合计四千八百二十一"
			    "万元。");
	assert_string_equal(l->blocks[2].text, "二、评价结论");
	jx__pdf_layout_free(l);
	jx__pdf_geometry_free(&g);
}

/* ---- ruling lines in a raster ---- */

static void fill(unsigned char *img, int w, int x0, int y0, int x1, int y1, unsigned char v)
{
	for (int y = y0; y < y1; y++)
		for (int x = x0; x < x1; x++)
			img[y * w + x] = v;
}

static void test_pdf__rules_are_long_thin_dark_runs(void **state)
{
	enum { W = 600, H = 400 };
	unsigned char *img = malloc(W * H);
	jx__pdf_seg *segs = NULL;
	size_t n = 0, cap = 0, nh = 0, nv = 0;
	jx__pdf_char ch[4] = {{0x4E00, {100, 290, 110, 303}, 10}, /* 一 */
			      {0x4E09, {200, 290, 220, 303}, 20}, /* 三三三 */
			      {0x4E09, {220, 290, 240, 303}, 20},
			      {0x4E09, {240, 290, 260, 303}, 20}};
	(void)state;
	memset(img, 255, W * H);
	fill(img, W, 50, 50, 550, 52, 0); /* a rule over rows 50-51: its middle is y 51 */
	for (int x = 50; x < 550; x += 6)
		fill(img, W, x, 100, x + 5, 101, 90); /* a dashed grey rule: 5 on, 1 off */
	fill(img, W, 50, 150, 550, 170, 150);         /* a shaded band: its two edges */
	fill(img, W, 50, 50, 51, 250, 0);             /* a vertical rule */
	fill(img, W, 300, 50, 302, 57, 0);            /* 7 px: shorter than 8 pt at 1 px/pt */
	fill(img, W, 100, 298, 112, 299, 0);          /* the stroke of 一: short, along text */
	fill(img, W, 200, 298, 260, 299, 0);          /* strokes of 三三三 run together */
	fill(img, W, 200, 290, 260, 296, 0);          /* with more of the glyphs just above */
	assert_int_equal(jx__pdf_find_rules(&segs, &n, &cap, img, W, H, 1.0, ch, 4), 0);
	for (size_t i = 0; i < n; i++) {
		if (segs[i].vertical) { /* the rule, and the band's right edge (its left is the rule) */
			nv++;
			assert_true((fabs(segs[i].pos - 51) < 0.6 &&
				     fabs(segs[i].to - segs[i].from - 200) < 1) ||
				    (fabs(segs[i].pos - 549.5) < 0.6 &&
				     fabs(segs[i].to - segs[i].from - 20) < 1));
		} else {
			double y = segs[i].pos;
			nh++;
			assert_true(fabs(y - 51) < 0.6 || fabs(y - 100.5) < 0.6 ||
				    fabs(y - 150.5) < 0.6 || fabs(y - 169.5) < 0.6);
			assert_true(segs[i].to - segs[i].from > 490);
		}
	}
	assert_int_equal(nh, 4);
	assert_int_equal(nv, 2);
	free(segs);
	free(img);
}

/* ---- the wire ---- */

static void encode_sample(jx__buf *b, int with_end)
{
	jx__pdf_page pg;
	jx__pdf_char c = {0x6307, {10.25, 20.5, 20.75, 34.0}, 10.5};
	jx__pdf_seg s = {100.5, 50, 300.25, 1};
	unsigned char img[6] = {0, 50, 100, 150, 200, 255};
	memset(&pg, 0, sizeof(pg));
	pg.number = 1;
	pg.width = 595.28;
	pg.height = 841.89;
	pg.chars = &c;
	pg.nchars = 1;
	pg.segs = &s;
	pg.nsegs = 1;
	pg.image = img;
	pg.img_w = 3;
	pg.img_h = 2;
	pg.img_scale = 2.083;
	jx__buf_init(b);
	jx__wire_put_status(b, JX__PDF_OK, 1, "");
	jx__wire_put_page(b, &pg);
	if (with_end)
		jx__wire_put_end(b);
}

static void test_pdf__wire_round_trips_a_page(void **state)
{
	jx__buf b;
	jx__pdf_geometry g = {0};
	int status;
	char *msg;
	(void)state;
	encode_sample(&b, 1);
	assert_int_equal(
		jx__wire_decode(&g, &status, &msg, "x.pdf", (unsigned char *)b.data, b.len), 0);
	assert_int_equal(status, JX__PDF_OK);
	assert_int_equal(g.npages, 1);
	assert_true(fabs(g.pages[0].width - 595.28) < 0.006);
	assert_int_equal(g.pages[0].chars[0].cp, 0x6307);
	assert_true(fabs(g.pages[0].chars[0].box.x1 - 20.75) < 0.006);
	assert_true(fabs(g.pages[0].chars[0].size - 10.5) < 0.006);
	assert_int_equal(g.pages[0].segs[0].vertical, 1);
	assert_true(fabs(g.pages[0].segs[0].to - 300.25) < 0.006);
	assert_int_equal(g.pages[0].img_w, 3);
	assert_int_equal(g.pages[0].image[5], 255);
	free(msg);
	jx__pdf_geometry_free(&g);
	jx__buf_free(&b);
}

static void expect_refused(const unsigned char *data, size_t len, const char *what)
{
	jx__pdf_geometry g = {0};
	int status;
	char *msg = NULL;
	assert_int_equal(jx__wire_decode(&g, &status, &msg, "x.pdf", data, len), JX_EPARSE);
	assert_non_null(strstr(jx_error_last(), what));
	free(msg);
	jx__pdf_geometry_free(&g);
}

static void test_pdf__wire_refuses_what_a_child_should_never_send(void **state)
{
	jx__buf b;
	unsigned char *d;
	(void)state;
	encode_sample(&b, 0);
	expect_refused((unsigned char *)b.data, b.len, "no end record");
	jx__buf_free(&b);
	encode_sample(&b, 1);
	d = (unsigned char *)b.data;
	expect_refused(d, b.len - 3, "truncated");
	/* the page record's character count (after 17 + 5 + 12 bytes) made larger */
	d[17 + 5 + 12] = 9;
	expect_refused(d, b.len, "page record length");
	d[17 + 5 + 12] = 1;
	/* the character's x1 (after the 32-byte page head, code point, x0, y0) below x0 */
	memset(d + 17 + 5 + 32 + 12, 0, 4);
	expect_refused(d, b.len, "character box");
	jx__buf_free(&b);
	encode_sample(&b, 1);
	d = (unsigned char *)b.data;
	d[17] = 'Q';
	expect_refused(d, b.len, "unknown record");
	jx__buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf__grid_has_spans_where_walls_are_missing),
		cmocka_unit_test(test_pdf__lone_lines_and_boxes_are_no_table),
		cmocka_unit_test(test_pdf__text_goes_to_the_cell_holding_its_middle),
		cmocka_unit_test(test_pdf__cjk_lines_join_without_spaces_words_with_one),
		cmocka_unit_test(test_pdf__rule_less_table_rows_start_at_numbers),
		cmocka_unit_test(test_pdf__continued_table_is_one_with_its_header_once),
		cmocka_unit_test(test_pdf__row_cut_by_a_page_break_is_one_row),
		cmocka_unit_test(test_pdf__tables_that_do_not_line_up_stay_apart),
		cmocka_unit_test(test_pdf__paragraph_cut_by_a_page_break_is_joined),
		cmocka_unit_test(test_pdf__rules_are_long_thin_dark_runs),
		cmocka_unit_test(test_pdf__wire_round_trips_a_page),
		cmocka_unit_test(test_pdf__wire_refuses_what_a_child_should_never_send),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
