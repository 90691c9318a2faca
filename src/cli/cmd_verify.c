/* junheng verify - check a county's submitted figures against its data. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "junheng/encoding.h"
#include "junheng/import.h"
#include "junheng/outdir.h"
#include "junheng/report.h"
#include "junheng/report_verify.h"
#include "junheng/verify.h"

static void
help(FILE *out)
{
    fputs("usage: junheng verify FILE --claims CLAIMS [options]\n\n"
          "Recompute every figure from the school data in FILE and check the\n"
          "figures the county submitted in CLAIMS: county means and CVs\n"
          "(表Ⅲ) and per-school values (表Ⅱ-2), as CSV or a workbook sheet\n"
          "(layouts in docs/claims.md).  A claim holds when it is within half\n"
          "a unit of its last written digit (0.552 is checked to +-0.0005).\n"
          "Each claim that differs is listed with the recomputed figure, the\n"
          "difference and the likely cause where one reproduces it\n"
          "(unweighted CV, sample SD, unsplit combined school, 万元 read as\n"
          "元, a school left out or added).\n\n"
          "Options:\n"
          "  -c, --claims FILE    the submitted figures (repeatable)\n"
          "      --claims-sheet NAME|N\n"
          "                       sheet of a claims workbook (default: the\n"
          "                       first sheet)\n"
          "  -o, --out DIR        write verify.xlsx and verify.json into DIR\n"
          JH_CLI_FORCE_HELP
          "  -f, --format FMT     stdout format: text (default) or json\n"
          "  -l, --lang LANG      zh (default) or en\n" JH_CLI_INPUT_HELP
          "  -h, --help           show this help\n\n"
          "Exit status (as diff): 0 every claim holds, 1 some claim differs,\n"
          "2 usage error, 3 unreadable input, 4 output or internal failure.\n",
          out);
}

typedef struct verify_args {
    jh_cli_input in;
    const char **claims;
    size_t nclaims;
    const char *claims_sheet;
    const char *out;
    bool force;
    bool json;
    jh_lang lang;
} verify_args;

enum { OPT_CLAIMS_SHEET = 256, OPT_FORCE };

/* The options of verify's own (jh_cli_take_fn). */
static int
take_option(void *args, int c, const char *arg)
{
    verify_args *a = args;

    switch (c) {
    case 'c': {
        const char **grown =
            realloc(a->claims, (a->nclaims + 1) * sizeof(*grown));
        if (grown == NULL) {
            jh_cli_fail("out of memory");
            return -JH_EXIT_INTERNAL;
        }
        a->claims = grown;
        a->claims[a->nclaims++] = arg;
        return 1;
    }
    case OPT_CLAIMS_SHEET:
        a->claims_sheet = arg;
        return 1;
    case 'o':
        a->out = arg;
        return jh_cli_out_ok(arg) ? 1 : -JH_EXIT_USAGE;
    case OPT_FORCE:
        a->force = true;
        return 1;
    default:
        return jh_cli_format_lang_option(c, arg, &a->json, &a->lang);
    }
}

static int
parse_args(verify_args *a, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"claims", required_argument, NULL, 'c'},
        {"claims-sheet", required_argument, NULL, OPT_CLAIMS_SHEET},
        {"out", required_argument, NULL, 'o'},
        {"force", no_argument, NULL, OPT_FORCE},
        {"format", required_argument, NULL, 'f'},
        {"lang", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        JH_CLI_INPUT_OPTIONS,
        {NULL, 0, NULL, 0}};
    int rc;

    jh_cli_input_init(&a->in);
    rc = jh_cli_options(argc, argv, "verify", ":c:o:f:l:e:s:h", longopts,
                        &a->in, NULL, take_option, a, help);
    if (rc != JH_EXIT_OK)
        return rc;
    a->in.file = jh_cli_one_operand(argc, argv, "verify", "school data file",
                                    "verified");
    if (a->in.file == NULL)
        return JH_EXIT_USAGE;
    if (a->nclaims == 0) {
        jh_cli_fail("no claims given: use --claims FILE (see 'junheng "
                    "verify --help')");
        return JH_EXIT_USAGE;
    }
    return JH_EXIT_OK;
}

/* Read every claims file; prints the error and returns an exit code. */
static int
read_claims(const verify_args *a, jh_claims *claims)
{
    jh_file_options fopts = {0};
    jh_diags warn = JH_DIAGS_INIT;
    jh_error err;

    fopts.encoding = (jh_encoding)a->in.encoding;
    fopts.sheet = a->claims_sheet;
    for (size_t i = 0; i < a->nclaims; i++) {
        jh_table *t = NULL;
        jh_status st;
        jh_error_clear(&err);
        st = jh_import_table(&t, a->claims[i], &fopts, &warn, &err);
        if (st == JH_OK)
            st = jh_claims_add_table(claims, t, &a->in.std, &err);
        jh_table_free(t);
        if (st != JH_OK) {
            jh_diags_release(&warn);
            jh_cli_error(&err);
            return st == JH_ERR_NOMEM ? JH_EXIT_INTERNAL : JH_EXIT_DATA;
        }
    }
    jh_diags_release(&warn);
    return JH_EXIT_OK;
}

/* jh_report_verify_json() for jh_cli_stage_stream(). */
typedef struct verify_out {
    const jh_report_context *ctx;
    const jh_verify_result *res;
} verify_out;

static jh_status
write_json(FILE *f, const void *data, jh_error *err)
{
    const verify_out *v = data;
    return jh_report_verify_json(f, v->ctx, v->res, err);
}

static int
write_outputs(const verify_args *a, const jh_report_context *ctx,
              const jh_verify_result *res)
{
    /* Never replaced by an output. */
    const char **inputs = calloc(a->nclaims + 2, sizeof(*inputs));
    verify_out v = {ctx, res};
    jh_outdir *dir = NULL;
    jh_error err;
    jh_status st;
    char *path;

    if (inputs == NULL) {
        jh_cli_fail("out of memory");
        return JH_EXIT_INTERNAL;
    }
    inputs[0] = a->in.file;
    inputs[1] = a->in.standard;
    for (size_t i = 0; i < a->nclaims; i++)
        inputs[i + 2] = a->claims[i];
    dir = jh_cli_outputs_open(a->out, "verify", a->force, inputs,
                              a->nclaims + 2);
    free(inputs);
    if (dir == NULL)
        return JH_EXIT_INTERNAL;
    jh_error_clear(&err);
    path = jh_outdir_path(dir, "verify.xlsx");
    st = path != NULL
             ? jh_report_verify_workbook(path, ctx, res, &err)
             : jh_error_set(&err, JH_ERR_NOMEM, NULL, 0, 0, "out of memory");
    free(path);
    if (st == JH_OK)
        st = jh_cli_stage_stream(dir, "verify.json", write_json, &v, &err);
    return jh_cli_outputs_finish(dir, st, &err);
}

int
jh_cmd_verify(int argc, char **argv)
{
    verify_args a;
    jh_claims claims = {NULL, 0, 0};
    jh_verify_result *res = NULL;
    jh_report_context ctx;
    jh_error err;
    jh_status st;
    int rc;

    memset(&a, 0, sizeof(a));
    rc = parse_args(&a, argc, argv);
    if (rc != JH_EXIT_OK) {
        free(a.claims);
        return rc < 0 ? JH_EXIT_OK : rc;
    }
    rc = jh_cli_input_load(&a.in);
    if (rc == JH_EXIT_OK)
        rc = read_claims(&a, &claims);
    if (rc != JH_EXIT_OK)
        goto done;
    jh_error_clear(&err);
    st = jh_verify_run(&res, a.in.analysis, &claims, &err);
    if (st != JH_OK) {
        jh_cli_error(&err);
        rc = jh_cli_exit_code(st);
        goto done;
    }
    ctx = jh_cli_input_context(&a.in, a.lang);
    if (a.out != NULL) {
        rc = write_outputs(&a, &ctx, res);
        if (rc != JH_EXIT_OK)
            goto done;
    }
    st = a.json ? jh_report_verify_json(stdout, &ctx, res, &err)
                : jh_report_verify_text(stdout, &ctx, res);
    if (st != JH_OK || fflush(stdout) != 0) {
        jh_cli_fail("cannot write to standard output");
        rc = JH_EXIT_INTERNAL;
        goto done;
    }
    /* As diff: 1 when anything differs. */
    rc = res->nfindings > 0 ? JH_EXIT_FAILED : JH_EXIT_OK;

done:
    jh_verify_free(res);
    jh_claims_release(&claims);
    jh_cli_input_release(&a.in);
    free(a.claims);
    return rc;
}
