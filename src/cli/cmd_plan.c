/* junheng plan - what a county must add to pass, and what it costs. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#include "junheng/encoding.h"
#include "junheng/outdir.h"
#include "junheng/plan.h"
#include "junheng/report.h"
#include "junheng/report_plan.h"
#include "junheng/report_plan_charts.h"

static void
help(FILE *out)
{
    jh_cli_help(
        out,
        "用法：junheng plan 文件 [选项]\n\n"
        "按标准（默认：2017年优质均衡标准）为文件中的县制定整改方案：\n"
        "  - 每个未达到某项指标的学校（学段）缺多少教师、平方米、元或\n"
        "    间，以及标准的每校规则严格要求补多少（国家标准：7项中6项\n"
        "    达标，余下1项达到85%）；\n"
        "  - 每个超过限值的差异系数所需的最少总增量：把最低的几所学校\n"
        "    提高到同一水平 t；\n"
        "  - 每所学校要补什么、花多少钱，以及按方案补足后重新计算的各项\n"
        "    数字。\n\n"
        "选项：\n"
        "  -o, --out DIR        把 plan.xlsx、plan.json 和 plan-charts/ 写入 DIR\n"
        "  -f, --format FMT     标准输出的格式：text（默认）或 json\n"
        "  -l, --lang LANG      zh（默认，中文）或 en（英文）\n"
        "      --cost KEY=YUAN  单价，单位为元（可重复）；KEY 可为：\n"
        "                       degree_teachers、backbone_teachers、\n"
        "                       pe_art_teachers、teaching_area、sports_area、\n"
        "                       equipment_value（默认 1）、multimedia_rooms\n"
        "      --costs FILE     从 CSV 文件读取单价，两列：key,yuan_per_unit\n"
        "                       （--cost 给出的优先）\n"
        "      --fix-all        把每项未达到的指标都补到标准值，而不只是规则\n"
        "                       要求的部分\n" JH_CLI_INPUT_HELP_ZH
        "      --strict         按方案补足后测算仍不达标时，退出状态为 1\n"
        "      --no-charts      不运行 gnuplot（不画图表）\n"
        "      --gnuplot PROG   要运行的 gnuplot 程序（默认 gnuplot）\n"
        JH_CLI_FORCE_HELP_ZH
        "  -h, --help           显示本帮助\n",
        "usage: junheng plan FILE [options]\n\n"
        "Plan the rectification of the county in FILE under a standard\n"
        "(default: the 2017 quality-balance standard):\n"
        "  - for every school section that misses an indicator, the\n"
        "    shortfall in teachers, m2, yuan or rooms, and what the\n"
        "    standard's per-school rule strictly requires (national\n"
        "    standard: 6 of 7 met, the seventh at 85%);\n"
        "  - for every CV over its limit, the least total addition: the\n"
        "    lowest schools raised to a common level t;\n"
        "  - what each school adds and costs, and the figures recomputed\n"
        "    after the plan.\n\n"
        "Options:\n"
        "  -o, --out DIR        write plan.xlsx, plan.json and plan-charts/\n"
        "                       into DIR\n"
        "  -f, --format FMT     stdout format: text (default) or json\n"
        "  -l, --lang LANG      zh (default) or en\n"
        "      --cost KEY=YUAN  unit cost in yuan (repeatable); keys:\n"
        "                       degree_teachers, backbone_teachers,\n"
        "                       pe_art_teachers, teaching_area, sports_area,\n"
        "                       equipment_value (default 1), "
        "multimedia_rooms\n"
        "      --costs FILE     unit costs from a CSV: key,yuan_per_unit\n"
        "                       (--cost options override it)\n"
        "      --fix-all        raise every missed indicator to its\n"
        "                       threshold, not only what the rule "
        "requires\n" JH_CLI_INPUT_HELP
        "      --strict         exit 1 when the projection still fails\n"
        "      --no-charts      do not run gnuplot\n"
        "      --gnuplot PROG   gnuplot program to run (default gnuplot)\n"
        JH_CLI_FORCE_HELP
        "  -h, --help           show this help\n");
    jh_cli_exit_help(out);
}

typedef struct plan_args {
    jh_cli_report rep; /* out, format, lang, charts, strict */
    jh_cli_input in;
    const char *costs_file;
    const char **cost_specs;
    size_t ncost_specs;
    bool fix_all;
} plan_args;

enum { OPT_COST = 256, OPT_COSTS, OPT_FIX_ALL };

/* The options of plan's own (jh_cli_take_fn). */
static int
take_option(void *args, int c, const char *arg)
{
    plan_args *a = args;

    switch (c) {
    case OPT_COST: {
        const char **grown =
            realloc(a->cost_specs, (a->ncost_specs + 1) * sizeof(*grown));
        if (grown == NULL) {
            jh_cli_fail2("内存不足", "out of memory");
            return -JH_EXIT_INTERNAL;
        }
        a->cost_specs = grown;
        a->cost_specs[a->ncost_specs++] = arg;
        return 1;
    }
    case OPT_COSTS:
        a->costs_file = arg;
        return 1;
    case OPT_FIX_ALL:
        a->fix_all = true;
        return 1;
    default:
        return 0;
    }
}

static int
parse_args(plan_args *a, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"cost", required_argument, NULL, OPT_COST},
        {"costs", required_argument, NULL, OPT_COSTS},
        {"fix-all", no_argument, NULL, OPT_FIX_ALL},
        {"help", no_argument, NULL, 'h'},
        JH_CLI_REPORT_OPTIONS,
        JH_CLI_INPUT_OPTIONS,
        {NULL, 0, NULL, 0}};
    int rc;

    jh_cli_input_init(&a->in);
    jh_cli_report_init(&a->rep);
    rc = jh_cli_options(argc, argv, "plan", ":o:f:l:e:s:h", longopts, &a->in,
                        &a->rep, take_option, a, help);
    if (rc != JH_EXIT_OK)
        return rc;
    a->in.file =
        jh_cli_one_operand(argc, argv, "plan", "input file", "planned");
    return a->in.file != NULL ? JH_EXIT_OK : JH_EXIT_USAGE;
}

/* The unit costs: the costs file, then every --cost on top of it. */
static int
load_costs(const plan_args *a, jh_plan_costs *costs)
{
    jh_error err;

    jh_error_clear(&err);
    jh_plan_costs_init(costs);
    if (a->costs_file != NULL) {
        jh_status st = jh_plan_costs_read(costs, a->costs_file, &err);
        if (st != JH_OK) {
            jh_cli_error(&err);
            return st == JH_ERR_NOMEM ? JH_EXIT_INTERNAL : JH_EXIT_DATA;
        }
    }
    for (size_t i = 0; i < a->ncost_specs; i++) {
        if (jh_plan_costs_set(costs, a->cost_specs[i], &err) != JH_OK) {
            jh_cli_fail2("--cost：%s", "--cost: %s",
                         jh_cli_zh() && err.message_zh[0] != '\0'
                             ? err.message_zh
                             : err.message);
            return JH_EXIT_USAGE;
        }
    }
    return JH_EXIT_OK;
}

/* jh_report_plan_json() for jh_cli_stage_stream(). */
typedef struct plan_out {
    const jh_report_context *ctx;
    const jh_plan *plan;
} plan_out;

static jh_status
write_json(FILE *f, const void *data, jh_error *err)
{
    const plan_out *o = data;
    return jh_report_plan_json(f, o->ctx, o->plan, err);
}

/* jh_report_plan_charts() for jh_cli_stage_charts(). */
static jh_status
render_charts(const char *dir, const void *data, const jh_chart_options *opts,
              jh_error *err)
{
    const plan_out *o = data;
    return jh_report_plan_charts(dir, o->ctx, o->plan, opts, err);
}

static int
write_outputs(const plan_args *a, const jh_report_context *ctx,
              const jh_plan *plan)
{
    /* Never replaced by an output. */
    const char *const inputs[] = {a->in.file, a->costs_file, a->in.standard};
    plan_out out = {ctx, plan};
    jh_outdir *dir = NULL;
    jh_error err;
    jh_status st;
    char *path;

    dir = jh_cli_outputs_open(a->rep.out, "plan", a->rep.force, inputs, 3);
    if (dir == NULL)
        return JH_EXIT_INTERNAL;
    jh_error_clear(&err);
    path = jh_outdir_path(dir, "plan.xlsx");
    st = path != NULL ? jh_report_plan_workbook(path, ctx, plan, &err)
                      : jh_error_set2(&err, JH_ERR_NOMEM, NULL, 0, 0,
                                      "内存不足", "out of memory");
    free(path);
    if (st == JH_OK)
        st = jh_cli_stage_stream(dir, "plan.json", write_json, &out, &err);
    if (st == JH_OK && a->rep.charts) {
        jh_chart_options copts = jh_cli_chart_options(&a->rep);
        st = jh_cli_stage_charts(dir, "plan-charts", "charts", render_charts,
                                 &out, &copts, &err);
    }
    return jh_cli_outputs_finish(dir, st, &err);
}

int
jh_cmd_plan(int argc, char **argv)
{
    plan_args a;
    jh_plan_costs costs;
    jh_plan_options popts;
    jh_plan *plan = NULL;
    jh_report_context ctx;
    jh_error err;
    jh_status st;
    int rc;

    memset(&a, 0, sizeof(a));
    rc = parse_args(&a, argc, argv);
    if (rc != JH_EXIT_OK) {
        free(a.cost_specs);
        return rc < 0 ? JH_EXIT_OK : rc;
    }
    rc = load_costs(&a, &costs);
    if (rc == JH_EXIT_OK)
        rc = jh_cli_input_load(&a.in);
    if (rc != JH_EXIT_OK)
        goto done;
    jh_error_clear(&err);
    popts.costs = &costs;
    popts.fix_all = a.fix_all;
    st = jh_plan_run(&plan, a.in.analysis, &popts, &err);
    if (st != JH_OK) {
        jh_cli_error(&err);
        rc = jh_cli_exit_code(st);
        goto done;
    }
    ctx = jh_cli_input_context(&a.in, a.rep.lang);
    if (a.rep.out != NULL) {
        rc = write_outputs(&a, &ctx, plan);
        if (rc != JH_EXIT_OK)
            goto done;
    }
    st = a.rep.json ? jh_report_plan_json(stdout, &ctx, plan, &err)
                : jh_report_plan_text(stdout, &ctx, plan);
    if (st != JH_OK || fflush(stdout) != 0) {
        jh_cli_fail2("无法写入标准输出", "cannot write to standard output");
        rc = JH_EXIT_INTERNAL;
        goto done;
    }
    if (!plan->pass)
        jh_cli_fail2("警告：按方案补足后测算仍不达标（见“整改后测算结果”）",
                     "warning: the projection after the plan still fails "
                     "(see the projection section)");
    rc = a.rep.strict && !plan->pass ? JH_EXIT_FAILED : JH_EXIT_OK;

done:
    jh_plan_free(plan);
    jh_cli_input_release(&a.in);
    free(a.cost_specs);
    return rc;
}
