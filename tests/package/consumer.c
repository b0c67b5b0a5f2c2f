/* SPDX-License-Identifier: GPL-3.0-or-later */
/* consumer.c -- a program outside the project that uses the installed library
 * (tests/package/consumer.sh builds it with pkg-config and with find_package).
 *
 * It reads a small canonical CSV, stores it in a database in memory, lists
 * it, and shows an error message: a line for each, compared by the script. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jixiao.h>

static const char csv[] = "# provenance: synthetic\n"
			  "department,year,kind,level1,level2,level3,explanation,weight,score\n"
			  "示例局,2023,self,投入,预算,执行率,,60,54\n"
			  "示例局,2023,self,产出,数量,完成率,,40,40\n";

int main(void)
{
	jx_batch *b = NULL;
	jx_store *s = NULL;
	jx_eval_summary *v = NULL;
	size_t n = 0;
	char *name;
	double x;
	int rc = 1;
	jx_init();
	printf("version %s\n", JX_VERSION);
	if (!(name = jx_name_normalize("\xEF\xBC\xA1\xE3\x80\x80" "b"))) /* Ａ　b */
		return 1;
	printf("normalised %s\n", name);
	free(name);
	if (jx_csv_read_scores(&b, "c.csv", csv, strlen(csv), NULL) != 0 ||
	    jx_store_open(&s, ":memory:", JX_STORE_CREATE) != 0 ||
	    jx_store_import(s, &b, 1, 0, NULL) != 0 || jx_store_list(s, NULL, &v, &n) != 0) {
		fprintf(stderr, "consumer: %s\n", jx_error_last());
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		printf("%s %d %s %g/%g %s\n", v[i].department, v[i].year, jx_kind_name(v[i].kind),
		       v[i].total_score, v[i].total_weight, v[i].grade);
	if (jx_number_parse("12,5", &x) != 0)
		printf("error %d %s\n", jx_error_code(), jx_error_last());
	rc = 0;
out:
	jx_eval_summaries_free(v, n);
	jx_store_free(s);
	jx_batch_free(b);
	return rc;
}
