/* SPDX-License-Identifier: GPL-3.0-or-later */
/* synth.h -- internal interface of jixiao-synth, the synthetic-data generator.
 *
 * The generator works one department at a time: it builds the department
 * (name, size, trend), then walks the years, drawing each year's figures,
 * self-evaluation and (sometimes) finance-bureau review from a random
 * stream of its own, and streams the rows out. Nothing of a department is
 * kept once its years are written, so memory does not grow with
 * --departments. Every department has its own GSL mt19937 stream seeded
 * from (--seed, department number), so department k is the same whatever
 * --departments says.
 */
#ifndef JX_SYNTH_H
#define JX_SYNTH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <gsl/gsl_rng.h>

#define SYNTH_DEFAULT_SEED 20240601UL
#define SYNTH_DEFAULT_DEPARTMENTS 13
#define SYNTH_DEFAULT_YEARS 9
#define SYNTH_DEFAULT_FIRST_YEAR 2016

/* Framework eras, by calendar year (see frameworks.c). */
#define SYNTH_NEW_FRAMEWORK_YEAR 2020  /* 部门决策/部门管理/... from this year */
#define SYNTH_OLD_REVISION_YEAR 2018   /* revision inside the old framework */
#define SYNTH_NEW_REVISION_YEAR 2022   /* revision inside the new framework */
#define SYNTH_VEHICLE_REFORM_YEAR 2018 /* 公务用车制度改革: quotas cut */

#define SYNTH_MAX_ROWS 40 /* level-3 rows of one evaluation, at most */
#define SYNTH_NSLOTS 80   /* indicator identities (slots) over all frameworks */
#define SYNTH_NDUTIES 5   /* 部门履职 indicators of a department */
#define SYNTH_NOUTCOMES 2 /* 履职绩效 indicators of a department */

/** One level-3 row of a framework in a given year. Strings are static. */
typedef struct {
	const char *level1;
	double level1_weight;
	const char *level2;
	const char *level3;
	const char *explanation;
	double weight;
	int slot; /* identity across renames and weight changes */
	int mgmt; /* a management indicator (部门管理 / 过程): reviews deduct here */
} synth_row;

/** A department-specific indicator (部门履职 / 履职绩效). */
typedef struct {
	const char *level2;
	const char *level3;
	const char *explanation;
} synth_duty;

/** Trend of a department's self-scores over the years. */
typedef enum { SYNTH_STABLE = 0, SYNTH_DECLINE = 1, SYNTH_IMPROVE = 2 } synth_trend;

/** A named fictional department (departments.c). */
typedef struct {
	const char *name;       /* 示例市... */
	const char *slug;       /* ASCII, for report file names */
	const char *short_name; /* used in the title of the indicator table */
	int police;             /* has 警务辅助人员 */
	synth_trend trend;
	int growth;     /* expenditure grows > 15 % a year for 3 years */
	int reviewed;   /* the finance bureau reviews it (not itself) */
	double budget0; /* typical first-year budget, 万元 */
	int staff0, retired0, auxiliary0, vehicles0;
	synth_duty duties[SYNTH_NDUTIES];
	synth_duty outcomes[SYNTH_NOUTCOMES];
} synth_template;

/** A department as generated: a template plus its own name and number. */
typedef struct {
	int number; /* 0-based */
	char name[96];
	char slug[32];
	const synth_template *tpl; /* named template, or the one it borrows indicators from */
	synth_trend trend;
	int growth;
	int reviewed;
} synth_dept;

/** Figure items, in the canonical order of the figures CSV. */
enum {
	FIG_BUDGET_TOTAL, /* in the order of jx_figure_items() */
	FIG_BUDGET_BASIC,
	FIG_BUDGET_PROJECT,
	FIG_INCOME_TOTAL,
	FIG_INCOME_FISCAL,
	FIG_INCOME_OTHER,
	FIG_EXPENDITURE_TOTAL,
	FIG_EXPENDITURE_BASIC,
	FIG_EXPENDITURE_PROJECT,
	FIG_SPECIAL_FUNDS,
	FIG_STAFF_IN_POST,
	FIG_STAFF_RETIRED,
	FIG_AUXILIARY_STAFF,
	FIG_VEHICLES_QUOTA,
	FIG_VEHICLES_ACTUAL,
	FIG_SELF_SCORE,
	FIG_COUNT
};

/** What one department-year yields. Scores are in half points (exact). */
typedef struct {
	int year;
	size_t nrows;
	synth_row rows[SYNTH_MAX_ROWS];
	int self_half[SYNTH_MAX_ROWS];   /* self score × 2 */
	int review_half[SYNTH_MAX_ROWS]; /* review score × 2, when has_review */
	int has_review;
	int64_t fig[FIG_COUNT]; /* amounts in hundredths of 万元; counts × 100 */
	int has_fig[FIG_COUNT];
} synth_year;

/** State carried from one year to the next inside one department. */
typedef struct {
	gsl_rng *rng;
	const synth_dept *dept;
	int first_year, nyears, index; /* index of the next year, 0-based */
	double propensity[SYNTH_NSLOTS];
	int deducted_last[SYNTH_NSLOTS]; /* deducted in the previous year */
	int present_last[SYNTH_NSLOTS];  /* slot existed in the previous year */
	double basic_share, special_share;
	int64_t budget, expenditure; /* hundredths of 万元 */
	int staff, retired, auxiliary, vehicles0;
	int growth_from; /* first growth year index, or -1 */
} synth_state;

/* ---- departments.c ---- */
size_t synth_template_count(void);
const synth_template *synth_template_at(size_t i);
/** Fill *d for department number n (named for n < synth_template_count()). */
void synth_dept_make(synth_dept *d, int n);

/* ---- frameworks.c ---- */
/** The framework rows for a year and department. Returns the row count. */
size_t synth_framework(synth_row *rows, int year, const synth_template *tpl);
/**
 * Check a framework: weights > 0 add up to 100 and every level-1 category
 * to its declared weight; slots unique and < SYNTH_NSLOTS. 0 when good,
 * else -1 with a message in msg.
 */
int synth_framework_check(const synth_row *rows, size_t n, char *msg, size_t msgsize);
/** Old/new framework renames as (old row, new row) pairs; for aliases.csv. */
size_t synth_renames(const synth_row **old_rows, const synth_row **new_rows, size_t cap);

/* ---- model.c ---- */
/** Start a department: seeds its stream and draws its parameters. 0 or -1 (ENOMEM). */
int synth_state_init(synth_state *st, const synth_dept *d, unsigned long seed, int first_year,
		     int nyears);
void synth_state_free(synth_state *st);
/** Draw the next year into *y. */
void synth_next_year(synth_state *st, synth_year *y);
/** Seed of department n's stream (a 32-bit mix of seed and n). */
unsigned long synth_dept_seed(unsigned long seed, int n);
/** Sum of self (kind 0) or review (kind 1) scores, in half points. */
int synth_total_half(const synth_year *y, int review);

/* ---- csvout.c ---- */
/** Write the comment lines every synthetic CSV begins with. */
void synth_write_comments(FILE *f, const char *options);
void synth_write_score_rows(FILE *f, const synth_dept *d, const synth_year *y, int review);
void synth_write_figure_rows(FILE *f, const synth_dept *d, const synth_year *y);
/** aliases.csv (header old,new). 0 or -1 with errno-style message on stderr. */
int synth_write_aliases(const char *path);

/* ---- projects_pool.c, projects.c: the departments' budget projects ---- */

/** Kinds of target an indicator of a project has. */
typedef enum {
	SYNTH_T_COUNT, /* "≥1200人": at least a count */
	SYNTH_T_PCT,   /* "≥95%" (0: "≤0%": a rate that must stay at zero) */
	SYNTH_T_DATE,  /* "9月前": a deadline month */
	SYNTH_T_COST,  /* "≤5元/天", "≤80万元": a cost cap */
	SYNTH_T_TEXT   /* "有效改善": words */
} synth_target_kind;

#define SYNTH_PROJECT_MAXIND 8

/** One indicator of a project template. Strings are static. */
typedef struct {
	const char *level1, *level2, *level3;
	synth_target_kind kind;
	double target;    /* the count, percentage, month or cap */
	const char *unit; /* of a count or cost */
	const char *text; /* SYNTH_T_TEXT: the target's words */
} synth_pind;

/** A fictional budget project. */
typedef struct {
	const char *name;  /* without a year */
	double budget_wan; /* typical yearly budget, 万元 */
	synth_pind ind[SYNTH_PROJECT_MAXIND];
	size_t nind;
	const char *reasons[3]; /* 偏差原因分析及改进措施 for missed targets */
} synth_project_tpl;

/** The project of a department template's domain (its index in departments.c). */
const synth_project_tpl *synth_project_domain(size_t template_index);
/** Projects any department may run (information systems, buildings, training). */
size_t synth_project_generic_count(void);
const synth_project_tpl *synth_project_generic(size_t i);

/** Files the projects are written to. */
typedef struct {
	FILE *scores, *figures;
} synth_project_out;

/**
 * Draw department d's projects over the years from a random stream of their
 * own (seeded from seed and d's number, apart from the department's stream,
 * so the department's evaluations do not change) and write them as canonical
 * CSV. 0 or -1 (out of memory).
 */
int synth_write_projects(synth_project_out *out, const synth_dept *d, unsigned long seed,
			 int first_year, int nyears);

/* ---- report.c ---- */
typedef enum { SYNTH_LAYOUT_TABS = 0, SYNTH_LAYOUT_SPACES = 1 } synth_layout;

/** A department-year written as report text instead of CSV. */
typedef struct {
	int dept; /* department number */
	int year;
	synth_layout layout;
	int gb18030;    /* file encoded in GB18030 */
	int drop_score; /* leave the first 部门管理 score cell empty (importer infers it) */
} synth_report_spec;

/** The report department-years for a run (at most cap). */
size_t synth_report_plan(synth_report_spec *out, size_t cap, int ndepartments, int first_year,
			 int nyears);
/** The spec for (dept, year), or NULL when that year is CSV. */
const synth_report_spec *synth_report_find(const synth_report_spec *plan, size_t n, int dept,
					   int year);
/** Write one report file under dir. 0, or -1 with a message on stderr. */
int synth_write_report(const char *dir, const synth_report_spec *spec, const synth_dept *d,
		       const synth_year *y, const char *options);

/* ---- report_table.c ---- */
/** The indicator table of a report (title, header, rows, 合计) in spec's layout. */
/** Index of the row whose score a report leaves out (spec->drop_score): the first
 *  management row; (size_t)-1 when none is left out. */
size_t synth_dropped_row(const synth_report_spec *spec, const synth_year *y);
void synth_write_table(FILE *f, const synth_report_spec *spec, const synth_dept *d,
		       const synth_year *y);

/* ---- report_text.c: the narrative paragraphs of a report ---- */
typedef struct {
	const char *slug;
	const char *self_word;      /* how the report calls itself: 支队, 局 */
	const char *units;          /* 内设机构 list */
	const char *functions[8];   /* 部门主要职能, NULL-terminated */
	const char *special_name;   /* 市级专项 name */
	const char *special_target; /* who receives it */
	const char *special_use;    /* what it is used for */
	const char *long_goal;      /* 中长期阶段性目标 */
	const char *year_goals[4];  /* 年度目标 paragraphs (after the first) */
	const char *conclusion;     /* 评价结论, before the self-score sentence */
	const char *results[3];     /* 部门履职成效 sections: heading|body */
	const char *problems;       /* 存在问题 general text */
	const char *advice[3];      /* 有关建议 */
} synth_narrative;

/** The narrative of a department (by slug), or the generic one. */
const synth_narrative *synth_narrative_for(const char *slug);

#endif
