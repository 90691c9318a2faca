/* junheng tests - shared helpers for the cmocka unit tests. */
#ifndef JUNHENG_TEST_HELPERS_H
#define JUNHENG_TEST_HELPERS_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "junheng/analysis.h"
#include "junheng/csv.h"
#include "junheng/model.h"
#include "junheng/school.h"
#include "junheng/school_reader.h"
#include "junheng/standard.h"

/* cmocka 1.1.5's assert_float_equal casts to float: compare doubles. */
#define assert_close(a, b, tol)                                              \
    do {                                                                     \
        double a_ = (a), b_ = (b), t_ = (tol);                               \
        if (!(fabs(a_ - b_) <= t_)) {                                        \
            print_error("%.17g != %.17g (tolerance %g)\n", a_, b_, t_);      \
            fail();                                                          \
        }                                                                    \
    } while (0)

/* Everything built from one CSV text, freed by fixture_free(). */
typedef struct fixture {
    jh_table *table;
    jh_county *county;
    jh_model *model;
    jh_analysis *analysis;
    jh_diags warnings;
    jh_error err;
    jh_status status; /* first failing step's status */
} fixture;

/* Parse @p csv and run import, model and analysis as far as they go. */
static inline void
fixture_run(fixture *f, const char *csv)
{
    memset(f, 0, sizeof(*f));
    f->status = jh_csv_parse(&f->table, csv, strlen(csv), "t.csv", NULL,
                             &f->err);
    if (f->status == JH_OK)
        f->status = jh_county_from_table(&f->county, f->table, NULL,
                                         &f->warnings, &f->err);
    if (f->status == JH_OK)
        f->status = jh_model_build(&f->model, f->county,
                                   jh_standard_builtin("quality-2017"),
                                   &f->warnings, &f->err);
    if (f->status == JH_OK)
        f->status = jh_analysis_run(&f->analysis, f->model, &f->warnings,
                                    &f->err);
}

static inline void
fixture_free(fixture *f)
{
    jh_analysis_free(f->analysis);
    jh_model_free(f->model);
    jh_county_free(f->county);
    jh_table_free(f->table);
    jh_diags_release(&f->warnings);
}

/* Index of the indicator with @p id in the 2017 standard. */
static inline size_t
ind(const char *id)
{
    int k = jh_standard_find(jh_standard_builtin("quality-2017"), id);
    assert_true(k >= 0);
    return (size_t)k;
}

/* The English header used by the small fixtures. */
#define HEADER                                                               \
    "code,name,type,students_primary,students_junior,students_senior,"       \
    "degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,"       \
    "sports_area,equipment_value,multimedia_rooms\n"

/* The same with an ownership (举办者类型) column at the end. */
#define HEADER_OWN                                                           \
    "code,name,type,students_primary,students_junior,students_senior,"       \
    "degree_teachers,backbone_teachers,pe_art_teachers,teaching_area,"       \
    "sports_area,equipment_value,multimedia_rooms,ownership\n"

#endif
