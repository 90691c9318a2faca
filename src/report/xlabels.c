/*
 * junheng - labels of the plan, verify and diagnostics outputs, in Chinese
 * and English.  Kept apart from report.c so that those outputs could be
 * added without touching the analysis exporters; jh__xlabel() falls back
 * to jh_label() for shared terms.
 */
#include "xlabels.h"

#include <string.h>

#include "junheng/school.h"

typedef struct xlabel {
    const char *key;
    const char *zh;
    const char *en;
} xlabel;

static const xlabel xlabels[] = {
    /* diagnostics */
    {"diag_title", "补充分析（不属于2017年标准的判定内容）",
     "Supplementary analysis (not part of the 2017 standard's verdict)"},
    {"diag_sheet", "补充分析", "Diagnostics"},
    {"diag_note",
     "以下指标仅供分析参考，不影响评估结论：差异贡献 = 该校差异情况 ÷ "
     "Σ差异情况；去掉该校后差异系数；差异系数平方按城区、镇区、乡村分解为"
     "组内与组间两部分；基尼系数、泰尔指数、McLoone指数、联邦极差率"
     "（第95与第5百分位数之差 ÷ 第5百分位数）均按在校生数加权；加权百分位数"
     "取累计在校生比例首次达到p的学校的指标值",
     "For analysis only; these figures do not change the verdict: share of "
     "deviation = the school's weighted squared deviation / their sum; CV "
     "without the school; CV squared split into within- and between-"
     "locality parts (urban, town, rural); Gini, Theil, McLoone index and "
     "federal range ratio ((P95 - P5) / P5) all weighted by enrollment; a "
     "weighted percentile p is the value of the first school at which the "
     "cumulative pupil share reaches p"},
    {"diag_top", "贡献最大的学校", "largest contributions"},
    {"diag_share", "差异贡献", "share of deviation"},
    {"diag_loo", "去掉该校后差异系数", "CV without it"},
    {"diag_decomp", "城乡分解", "urban/town/rural split of CV²"},
    {"diag_within", "组内", "within"},
    {"diag_between", "组间", "between"},
    {"diag_gini", "基尼系数", "Gini"},
    {"diag_theil", "泰尔指数", "Theil"},
    {"diag_mcloone", "McLoone指数", "McLoone"},
    {"diag_frr", "联邦极差率", "Federal range ratio"},
    {"diag_median", "加权中位数", "Weighted median"},
    {"diag_p05", "第5百分位数", "P5"},
    {"diag_p95", "第95百分位数", "P95"},
    {"diag_cv2", "差异系数平方", "CV²"},
    {"diag_within_part", "组内部分", "Within part"},
    {"diag_between_part", "组间部分", "Between part"},
    {"diag_between_share", "组间占比", "Between share"},
    {"diag_locality", "城乡类型", "Locality"},
    {"diag_summary_title", "差异来源分析", "Where the differences come from"},
    {"diag_schools_title", "各校差异贡献与去掉该校后的差异系数",
     "Share of deviation and CV without each school"},
    {"diag_over", "超过", "exceeds"},
    /* plan */
    {"plan_title", "整改测算", "Rectification plan"},
    {"plan_school_fixes", "学校达标整改", "Per-school fixes"},
    {"plan_cv_fixes", "差异系数整改", "Difference coefficient fixes"},
    {"plan_projection", "整改后测算结果", "Projection after the plan"},
    {"plan_budget", "经费测算", "Budget"},
    {"plan_totals", "合计", "Total"},
    {"plan_shortfall", "缺口（达到标准值）", "to reach the threshold"},
    {"plan_to_floor", "达到标准值{floor}%", "to reach {floor}%"},
    {"plan_required", "达标规则最低要求", "required by the per-school rule"},
    {"plan_required_none", "已达标，无需整改", "passes; nothing required"},
    {"plan_rule_cost", "按费用比较各方案", "options compared by cost"},
    {"plan_rule_count", "按需整改的指标数比较各方案",
     "options compared by the number of indicators to raise"},
    {"plan_rule_all", "所有未达标指标补齐到标准值",
     "every missed indicator raised to its threshold"},
    {"plan_target_threshold", "补到标准值", "to the threshold"},
    {"plan_target_floor", "补到标准值的{floor}%",
     "to {floor}% of the threshold"},
    {"plan_target_none", "保持（已达{floor}%）",
     "left (already at {floor}%)"},
    {"plan_section_add", "本学段增加", "section gains"},
    {"plan_whole_add", "全校增加", "whole school adds"},
    {"plan_share", "分摊比例", "share"},
    {"plan_level_t", "提升到", "raised to"},
    {"plan_cv_from", "差异系数", "CV"},
    {"plan_schools_raised", "需提升的学校", "schools raised"},
    {"plan_cost", "费用（元）", "cost (yuan)"},
    {"plan_cost_unknown", "未给单价", "no unit cost"},
    {"plan_cost_text", "费用", "cost"},
    {"plan_cost_partial", "（不含未给单价的增加量，可用 --cost 给出单价）",
     " (without the additions that have no unit cost; give them with "
     "--cost KEY=YUAN)"},
    {"plan_before", "整改前", "before"},
    {"plan_after", "整改后", "after"},
    {"plan_pass_after", "整改后县域达到资源配置要求",
     "after the plan the county meets the resource standard"},
    {"plan_fail_after", "整改后仍未达到资源配置要求",
     "after the plan the county still does not meet the resource standard"},
    {"plan_nothing", "无需整改", "nothing to fix"},
    {"plan_round", "轮次", "round"},
    {"plan_exact", "精确最小增量", "exact least addition"},
    {"plan_value", "指标值", "value"},
    {"plan_values_sheet", "整改前后指标值", "Values before and after"},
    {"plan_cv_sheet", "整改前后差异系数", "CVs before and after"},
    {"plan_school_sheet", "学校整改", "School fixes"},
    {"plan_cvfix_sheet", "差异系数整改", "CV fixes"},
    {"plan_budget_sheet", "经费", "Budget"},
    {"plan_addition", "增加量", "addition"},
    {"plan_method",
     "差异系数整改：在学校达标整改之后，把指标值最低的学校提升到同一水平t"
     "（二分法求得使差异系数恰好等于限值的最小t），这是总增加量最小的方案；"
     "人数、间数、面积和金额均向上取整；合并学校的校舍设备按分摊比例折算为"
     "全校增加量（本学段增加量 ÷ 分摊比例）",
     "CV fixes: after the per-school fixes, the lowest schools are raised to "
     "a common level t (the least t at which the CV equals its limit, found "
     "by bisection), which is the least total addition; persons, rooms, m² "
     "and yuan are rounded up; a combined school's physical addition is "
     "stated for the whole school (section addition / physical share)"},
    /* verify */
    {"verify_title", "申报数据核对", "Verification of the submitted figures"},
    {"verify_checked", "核对申报数据", "claims checked"},
    {"verify_agree", "相符", "agree"},
    {"verify_differ", "不符", "differ"},
    {"verify_missing", "申报表缺少的学校", "schools missing from the claims"},
    {"verify_all_agree", "全部申报数据与学校数据重算结果相符",
     "every claim agrees with the figures recomputed from the school data"},
    {"verify_claimed", "申报", "claimed"},
    {"verify_recomputed", "重算", "recomputed"},
    {"verify_difference", "差", "difference"},
    {"verify_cause", "可能原因", "likely cause"},
    {"verify_sheet", "核对结果", "Findings"},
    {"verify_kind", "问题", "Finding"},
    {"verify_place", "位置", "Where"},
    {"verify_tolerance", "比较小数位", "Decimals compared"},
    {"cause_unweighted", "未按在校生数加权（各校等权）",
     "not weighted by enrollment (each school counted once)"},
    {"cause_sample_sd", "用样本标准差（除以n−1）",
     "sample standard deviation (n - 1)"},
    {"cause_bias_corrected_wsd",
     "用了带偏差校正的加权标准差（如gsl_stats_wsd）",
     "bias-corrected weighted SD (such as gsl_stats_wsd)"},
    {"cause_split_equal",
     "合并学校未按1:{w_nine_junior}折算拆分（按人数平均分摊）",
     "combined schools split by plain enrollment, not 1:{w_nine_junior}"},
    {"cause_unsplit", "合并学校的校舍设备未拆分（全校数计入该学段）",
     "combined school not split (whole-school quantity given to the section)"},
    {"cause_wan_x10000", "单位错误：元与万元混用（大了10000倍）",
     "units: 元 and 万元 mixed up (10000 times too large)"},
    {"cause_wan_div10000", "单位错误：元与万元混用（小了10000倍）",
     "units: 元 and 万元 mixed up (10000 times too small)"},
    {"cause_school_left_out", "漏算了一所学校", "a school left out"},
    {"cause_school_added", "多算了一所应排除的学校",
     "an excluded school counted"},
    {"kind_differs", "与重算结果不符", "differs from the recomputed figure"},
    {"kind_unknown_school", "学校数据中没有该学校",
     "no such school in the school data"},
    {"kind_excluded_school", "该校按标准不纳入计算",
     "the standard excludes this school"},
    {"kind_no_section", "该校没有这个学段", "the school has no such section"},
    {"kind_missing_school", "申报表中缺少该学校",
     "the claims leave out this school"},
    {"kind_no_level", "没有该学段的学校", "no school of this level"},
    {"kind_undefined", "县域均值为0，差异系数无法计算",
     "the county mean is 0: the CV is undefined"},
    {"field_mean", "县域均值", "county mean"},
    {"field_cv", "差异系数", "CV"},
    {"field_value", "指标值", "value"},
    {"field_verdict", "是否达标", "verdict"},
    {"field_met_count", "达标指标数", "indicators met"},
    {"field_pass_count", "达标学校数", "schools passing"},
    {"field_section_count", "学校数", "schools"},
    {"field_pass_share", "达标比例", "share passing"},
    {"kind_hides_failure", "四舍五入后掩盖了未达标",
     "rounding hides a failure"},
    {"note_fewer_decimals", "申报值的小数位少于官方表格",
     "the claim has fewer decimals than the official table prints"},
    {"note_hides_failure",
     "四舍五入后掩盖了未达标：申报值未超过限值，重算值超过限值",
     "rounding hides a failure: the claim is within the limit, the "
     "recomputed figure exceeds it"},
    {"note_duplicate", "另有申报对同一数据填了不同的值",
     "another claim gives this figure a different value"},
    {"verify_whole", "学校综合达标", "all indicators"},
    {"verify_yes", "是", "yes"},
    {"verify_no", "否", "no"},
    {"verify_meets", "达标", "meets"},
    {"verify_fails", "未达标", "fails"},
    {"verify_limit", "限值", "limit"},
    {"verify_note", "注", "note"},
    {"verify_read", "已读取", "read"},
    {"verify_skipped", "未读取", "passed over"},
    {"verify_claims_n", "项", "claims"},
    {"verify_rows", "行", "rows"},
    {"skip_no_claims_header", "没有申报数据表头", "no claims header"},
};

const char *
jh__xlabel(jh_lang lang, const char *key)
{
    for (size_t i = 0; i < sizeof(xlabels) / sizeof(xlabels[0]); i++) {
        if (strcmp(xlabels[i].key, key) == 0)
            return lang == JH_LANG_EN ? xlabels[i].en : xlabels[i].zh;
    }
    return jh_label(lang, key);
}

const char *
jh__quantity_unit(int q, jh_lang lang)
{
    switch (q) {
    case JH_Q_DEGREE_TEACHERS:
    case JH_Q_BACKBONE_TEACHERS:
    case JH_Q_PE_ART_TEACHERS:
    case JH_Q_TEACHERS:
    case JH_Q_SENIOR_TITLE_TEACHERS:
        return lang == JH_LANG_EN ? "teachers" : "人";
    case JH_Q_TEACHING_AREA:
    case JH_Q_SPORTS_AREA:
    case JH_Q_INDOOR_SPORTS_AREA:
        return lang == JH_LANG_EN ? "m²" : "平方米";
    case JH_Q_EQUIPMENT_VALUE:
        return lang == JH_LANG_EN ? "yuan" : "元";
    case JH_Q_MULTIMEDIA_ROOMS:
        return lang == JH_LANG_EN ? "rooms" : "间";
    case JH_Q_COMPUTERS:
        return lang == JH_LANG_EN ? "computers" : "台";
    case JH_Q_BOOKS:
        return lang == JH_LANG_EN ? "books" : "册";
    default:
        return "";
    }
}

const char *
jh__quantity_name(int q, jh_lang lang)
{
    static const char *const en[JH_Q_COUNT] = {"degree teachers",
                                               "backbone teachers",
                                               "PE and art teachers",
                                               "teaching area",
                                               "sports area",
                                               "equipment value",
                                               "multimedia rooms",
                                               "computers",
                                               "books",
                                               "teachers",
                                               "senior-title teachers",
                                               "indoor sports area"};
    if (q < 0 || q >= JH_Q_COUNT)
        return "?";
    if (lang == JH_LANG_EN)
        return en[q] != NULL ? en[q] : jh_quantity_key((jh_quantity)q);
    return jh_quantity_zh((jh_quantity)q);
}

const char *
jh__locality_name(int locality, jh_lang lang)
{
    static const char *const zh[] = {"未知", "城区", "镇区", "乡村"};
    static const char *const en[] = {"unknown", "urban", "town", "rural"};
    if (locality < 0 || locality > 3)
        locality = 0;
    return lang == JH_LANG_EN ? en[locality] : zh[locality];
}

const char *
jh__locality_key(int locality)
{
    return jh__locality_name(locality, JH_LANG_EN);
}
