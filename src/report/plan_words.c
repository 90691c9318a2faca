/* junheng - the words of a plan shared by its text and workbook (see
 * plan_words.h). */
#include "plan_words.h"

#include <math.h>

#include "standard_text.h"
#include "util.h"
#include "xlabels.h"

/* An amount: whole units without decimals, others with two. */
char *
jh__plan_fmt_amount(double v, char *buf, size_t size)
{
    if (!isfinite(v))
        return jh__fmt_fixed(NAN, 0, buf, size);
    return jh__fmt_fixed(v, fabs(v - round(v)) < 1e-9 ? 0 : 2, buf, size);
}

const jh_school *
jh__plan_school(const jh_plan *p, size_t section)
{
    const jh_model *m = p->before->model;
    return &m->county->schools[m->sections[section].school];
}

const char *
jh__plan_rule_label(jh_plan_rule rule, jh_lang lang)
{
    switch (rule) {
    case JH_RULE_COST:
        return jh__xlabel(lang, "plan_rule_cost");
    case JH_RULE_COUNT:
        return jh__xlabel(lang, "plan_rule_count");
    case JH_RULE_ALL:
        return jh__xlabel(lang, "plan_rule_all");
    case JH_RULE_NONE:
        break;
    }
    return "";
}

/* The label of target @p t in @p lang, its share filled from @p std into
 * @p buf. */
const char *
jh__plan_target_label(const jh_standard *std, jh_plan_target t, jh_lang lang,
                      char *buf, size_t size)
{
    const char *key = "plan_target_none";

    switch (t) {
    case JH_TARGET_THRESHOLD:
        key = "plan_target_threshold";
        break;
    case JH_TARGET_FLOOR:
        key = "plan_target_floor";
        break;
    case JH_TARGET_NONE:
        break;
    }
    return jh__rule_text(std, jh__xlabel(lang, key), buf, size);
}
