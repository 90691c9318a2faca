/* junheng command line - reading the school file for plan and verify. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "junheng/import.h"

/* The county's name: a 县区 column, else the file name without folders
 * and extension. */
static char *
county_name(const jh_county *c, const char *path)
{
    const char *base = strrchr(path, '/');
    const char *dot;

    if (c->name != NULL)
        return strdup(c->name);
    base = base != NULL ? base + 1 : path;
    dot = strrchr(base, '.');
    return strndup(base, dot != NULL && dot != base ? (size_t)(dot - base)
                                                    : strlen(base));
}

static void
print_warnings(const jh_diags *w)
{
    char buf[2048];
    for (size_t i = 0; i < w->count; i++)
        fprintf(stderr, "junheng: warning: %s\n",
                jh_diag_format(&w->items[i], buf, sizeof(buf)));
}

int
jh_cli_input_load(jh_cli_input *in)
{
    jh_file_options fopts = {0};
    jh_error err;
    jh_status st;

    in->warnings = (jh_diags)JH_DIAGS_INIT;
    in->county = NULL;
    in->model = NULL;
    in->analysis = NULL;
    in->county_name = NULL;
    jh_error_clear(&err);
    /* Options that change the rules apply to a copy of the standard. */
    in->std = *jh_standard_builtin(NULL);
    if (in->subtract_indoor >= 0)
        in->std.subtract_indoor_sports = in->subtract_indoor != 0;
    fopts.encoding = (jh_encoding)in->encoding;
    fopts.sheet = in->sheet;
    st = jh_import_county(&in->county, in->file, &fopts, &in->warnings, &err);
    if (st == JH_OK)
        st = jh_model_build(&in->model, in->county, &in->std, &in->warnings,
                            &err);
    if (st == JH_OK)
        st = jh_analysis_run(&in->analysis, in->model, &in->warnings, &err);
    print_warnings(&in->warnings);
    if (st != JH_OK) {
        jh_cli_error(&err);
        return st == JH_ERR_NOMEM || st == JH_ERR_INTERNAL ? JH_EXIT_INTERNAL
                                                           : JH_EXIT_DATA;
    }
    in->county_name = county_name(in->county, in->file);
    if (in->county_name == NULL) {
        jh_cli_fail("out of memory");
        return JH_EXIT_INTERNAL;
    }
    return JH_EXIT_OK;
}

void
jh_cli_input_release(jh_cli_input *in)
{
    free(in->county_name);
    jh_analysis_free(in->analysis);
    jh_model_free(in->model);
    jh_county_free(in->county);
    jh_diags_release(&in->warnings);
    in->county_name = NULL;
    in->analysis = NULL;
    in->model = NULL;
    in->county = NULL;
}
