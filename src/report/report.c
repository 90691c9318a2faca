/*
 * junheng - every fixed user-facing term, in Chinese and English.
 *
 * One table, so that workbooks, charts and text use the same words.
 * Indicator names live in the standard (jh_indicator.name_zh / name_en).
 */
#include <string.h>

#include "junheng/report.h"

typedef struct label {
    const char *key;
    const char *zh;
    const char *en;
} label;

static const label labels[] = {
    /* verdicts */
    {"pass", "达标", "Pass"},
    {"fail", "未达标", "Fail"},
    {"yes", "是", "Yes"},
    {"no", "否", "No"},
    {"undefined", "无法计算", "undefined"},
    {"county_pass", "达到优质均衡资源配置要求", "meets the resource standard"},
    {"county_pass_basic", "达到基本均衡差异系数要求",
     "meets the basic-balance CV limits"},
    {"county_fail_basic", "未达到基本均衡差异系数要求",
     "does not meet the basic-balance CV limits"},
    {"county_fail", "未达到优质均衡资源配置要求",
     "does not meet the resource standard"},
    {"unit_schools", "所学校", "schools"},
    {"locality_title", "城乡分组（均值 / 差异系数）",
     "by locality (mean / CV)"},
    {"locality_county", "全县", "County"},
    {"locality_urban", "城区", "Urban"},
    {"locality_town", "镇区", "Town"},
    {"locality_rural", "乡村", "Rural"},
    {"locality_unknown", "未填城乡", "No locality"},
    {"standard_file", "标准文件", "Standards file"},
    {"provisions_label", "启用条款", "Provisions on"},
    {"scope_label", "计算范围", "Scope"},
    {"school_rule_none", "本标准不设学校达标规则，只评判差异系数",
     "This standard has no per-school rule; only the CVs are judged"},
    {"composite_cv", "综合差异系数（各指标差异系数的平均数）",
     "Composite CV (mean of the indicators' CVs)"},
    {"provision_on", "启用条款", "Provision on"},
    {"unit_students", "名学生", "students"},
    /* rule sentences: {names} filled from the loaded standard
     * (jh__rule_text, src/model/standard_text.h) */
    {"schools_met_rule", "达标学校（{min_met}项达标且余项≥{floor}%）",
     "Schools passing ({min_met} met, last at {floor}%)"},
    {"method_note",
     "差异系数按在校生数加权（总体标准差，除以在校生总数）；九年一贯制学校"
     "1:{w_nine_junior}、完全中学1:{w_complete_senior}、十二年一贯制学校"
     "1:{w_twelve_junior}:{w_twelve_senior}分摊校舍与设备",
     "CV weighted by enrollment (population SD, divided by total "
     "enrollment); combined schools split 1:{w_nine_junior} (nine-year), "
     "1:{w_complete_senior} (complete secondary), "
     "1:{w_twelve_junior}:{w_twelve_senior} (twelve-year)"},
    /* table titles */
    {"title_summary", "县域义务教育学校资源配置情况汇总",
     "Resource allocation summary"},
    {"title_t3", "表Ⅲ 资源配置指标校际差异系数",
     "Table III: inter-school difference coefficients"},
    {"title_t21", "表Ⅱ-1 资源配置指标达标学校数",
     "Table II-1: schools meeting each indicator"},
    {"title_t22", "表Ⅱ-2 学校资源配置指标情况",
     "Table II-2: resource indicators by school"},
    {"title_working", "差异系数计算过程", "Difference coefficient workings"},
    {"title_excluded", "未纳入计算的学校", "Schools not included"},
    {"title_warnings", "数据提示", "Data warnings"},
    {"sheet_summary", "汇总", "Summary"},
    {"sheet_schools", "学校", "Schools"},
    {"sheet_working", "计算过程", "Workings"},
    {"sheet_excluded", "排除与提示", "Excluded and warnings"},
    /* column headers */
    {"seq", "序号", "No."},
    {"code", "学校代码", "Code"},
    {"school", "学校名称", "School"},
    {"type", "学校类型", "Type"},
    {"ownership", "举办者类型", "Ownership"},
    {"students", "在校生数", "Students"},
    {"grades", "年级数", "Grades"},
    {"classes", "班级数", "Classes"},
    {"level", "学段", "Level"},
    {"indicator", "指标", "Indicator"},
    {"unit", "单位", "Unit"},
    {"threshold", "标准值", "Threshold"},
    {"mean", "县域均值", "County mean"},
    {"cv", "差异系数", "CV"},
    {"cv_limit", "差异系数标准", "CV limit"},
    {"verdict", "是否达标", "Meets"},
    {"met_count", "达标指标数", "Indicators met"},
    {"remark", "备注", "Remark"},
    {"min", "最小值", "Min"},
    {"max", "最大值", "Max"},
    {"median", "中位数", "Median"},
    {"below", "未达标学校数", "Schools below"},
    {"schools_met", "达标学校数", "Schools meeting"},
    {"share_met", "达标比例", "Share meeting"},
    {"schools_total", "学校数", "Schools"},
    {"schools_pass", "学校全部达标", "All schools pass"},
    {"cv_all_pass", "差异系数全部达标", "All CVs within limit"},
    {"reason", "原因", "Reason"},
    {"location", "位置", "Location"},
    {"message", "内容", "Message"},
    {"numerator", "分子", "Numerator"},
    {"value", "指标值", "Value"},
    {"deviation_term", "差异情况", "Weighted sq. deviation"},
    {"total", "合计", "Total"},
    {"weighted_mean", "加权平均数", "Weighted mean"},
    {"sd", "标准差", "Standard deviation"},
    {"physical_share", "校舍设备分摊比例", "Physical share"},
    {"county", "县区", "County"},
    {"standard", "评估标准", "Standard"},
    {"overall", "总体结论", "Overall"},
    {"warning_cv_print", "三位小数显示值与判定不一致",
     "printed value disagrees with the verdict"},
    {"remark_met", "达标指标", "met"},
    {"remark_partial", "达到{floor}%", "at {floor}%"}, /* rule sentence */
    {"remark_missed", "未达标", "missed"},
    {"formula_note",
     "差异系数 = 标准差 ÷ 加权平均数；标准差 = √(Σ差异情况 ÷ Σ在校生数)；"
     "差异情况 = 在校生数 ×（指标值 − 加权平均数）²",
     "CV = SD / weighted mean; SD = sqrt(sum of terms / total students); "
     "term = students * (value - weighted mean)^2"},
    /* workbook */
    {"sheet_t22", "表Ⅱ-2", "Table II-2"},
    {"title_verdict", "评估结论", "Verdict"},
    {"weighting_label", "加权方法", "Weighting"},
    {"weighting_rule",
     "按在校生数加权，总体形式（平方和除以在校生总数，不作小样本修正）",
     "enrollment-weighted, population form, divided by total enrollment"},
    {"split_label", "合并学校拆分", "Combined schools"},
    {"split_rule",
     "校舍、场地、设备和多媒体教室按折算在校生数分摊：九年一贯制学校 "
     "小学:初中 = 1:{w_nine_junior}；完全中学 初中:高中 = 1:{w_complete_senior}；"
     "十二年一贯制学校 小学:初中:高中 = 1:{w_twelve_junior}:{w_twelve_senior}",
     "buildings, grounds, equipment and multimedia rooms split by weighted "
     "enrollment: nine-year 1:{w_nine_junior} (primary:junior), complete "
     "secondary 1:{w_complete_senior} (junior:senior), twelve-year "
     "1:{w_twelve_junior}:{w_twelve_senior} (primary:junior:senior)"},
    {"school_rule_label", "学校达标规则", "Per-school rule"},
    {"school_rule",
     "{indicators}项指标中至少{min_met}项达到标准值，其余指标达到标准值的"
     "{floor}%",
     "at least {min_met} of the {indicators} indicators meet their threshold "
     "and the others reach {floor}% of it"},
    {"schools_rule_pass", "学校综合达标",
     "Schools passing the per-school rule"},
    {"undefined_note", "县域均值为0，差异系数无法计算，按未达标处理",
     "county mean is 0: the CV is undefined and counts as not met"},
    {"legend",
     "红色底纹：指标未达到标准值；黄色底纹：未达到标准值但达到标准值的{floor}%",
     "red: indicator below its threshold; amber: below the threshold but at "
     "least {floor}% of it"},
    {"value_note",
     "指标值 = 分子 ÷ 在校生数 × 折算系数（每百名学生指标为100，生均指标为1）；"
     "合并学校的校舍设备类分子已按分摊比例拆分；加权平均数 = Σ分子 × 折算系数 "
     "÷ Σ在校生数",
     "value = numerator / students * scale (100 for per-100-students "
     "indicators, 1 for per-student ones); physical numerators of combined "
     "schools are already split by the physical share; weighted mean = "
     "sum of numerators * scale / total students"},
    {"none", "无", "none"},
    /* school-level government-guarantee checks (src/report_guarantee.c) */
    {"g_title", "学校办学条件（政府保障程度）",
     "School conditions (government guarantee)"},
    {"g_sheet", "学校办学条件", "School conditions"},
    {"g_checked", "检查学校", "Schools checked"},
    {"g_all_pass", "全部达标", "meet every check"},
    {"g_some_fail", "有不达标项", "fail a check"},
    {"g_incomplete", "数据不全", "data incomplete"},
    {"g_not_given", "未提供", "not given"},
    {"g_na", "—", "—"},
    {"g_no_columns",
     "未提供办学条件数据（最大班额、音乐美术专用教室、持证专任教师、教师培训经费"
     "等列），未检查",
     "no school-condition columns (largest class, music and art rooms, "
     "certified teachers, training funds): not checked"},
    {"g_problems", "不达标与未提供", "Failing and not given"},
    {"g_item", "项目", "Item"},
    {"g_applicable", "适用学校", "Schools"},
    {"g_passing", "达标", "Met"},
    {"g_failing", "不达标", "Failed"},
    {"g_skipped", "未检查的学校", "Schools not checked"},
    {"g_rules", "标准", "Rules"},
    {"g_h_size", "义务教育在校生数", "Pupils (compulsory)"},
    {"g_h_size_limit", "规模上限", "Size limit"},
    {"g_h_class_primary", "小学最大班额", "Largest primary class"},
    {"g_h_class_junior", "初中最大班额", "Largest junior class"},
    {"g_h_classes", "班级数", "Classes"},
    {"g_h_music", "音乐专用教室（间）", "Music rooms"},
    {"g_h_music_need", "应配音乐教室（间）", "Music rooms needed"},
    {"g_h_art", "美术专用教室（间）", "Art rooms"},
    {"g_h_art_need", "应配美术教室（间）", "Art rooms needed"},
    {"g_h_music_area", "最小音乐教室面积（平方米）",
     "Smallest music room (m²)"},
    {"g_h_art_area", "最小美术教室面积（平方米）", "Smallest art room (m²)"},
    {"g_h_teachers", "专任教师数", "Full-time teachers"},
    {"g_h_certified", "持证专任教师数", "Certified teachers"},
    {"g_h_cert_share", "持证比例", "Certified share"},
    {"g_h_training", "教师培训经费（元）", "Training funds (yuan)"},
    {"g_h_public", "公用经费预算（元）", "Public funds (yuan)"},
    {"g_h_training_share", "培训经费占比", "Training share"},
    /* the county evaluation (src/report_evaluate.c, junheng evaluate) */
    {"ev_title", "县域义务教育优质均衡发展督导评估",
     "County evaluation of quality-balanced compulsory education"},
    {"ev_verdict", "总体结论", "Verdict"},
    {"ev_pass", "达到优质均衡发展要求", "meets the standard"},
    {"ev_fail", "未达到优质均衡发展要求", "does not meet the standard"},
    {"ev_incomplete", "数据不全，无法作出结论（不视为达标）",
     "incomplete: facts are missing (not a pass)"},
    {"ev_item_pass", "达标", "Met"},
    {"ev_item_fail", "未达标", "Not met"},
    {"ev_item_incomplete", "数据不全", "Incomplete"},
    {"ev_veto_clear", "未触发", "none"},
    {"ev_veto_tripped", "触发一票否决", "veto"},
    {"ev_not_given", "未提供", "not given"},
    {"ev_all", "全部", "all"},
    {"ev_facts", "评估事实", "Facts"},
    {"ev_standard", "评估标准", "Standard"},
    {"ev_missing", "未提供的评估事实", "Facts not given"},
    {"ev_contradictions", "填报数与学校数据不符", "Stated counts that differ from the school data"},
    {"ev_stated", "填报数", "Stated"},
    {"ev_computed", "学校数据计算", "From the school data"},
    {"ev_consistent", "是否一致", "Agrees"},
    {"ev_to_pass", "须改变", "To pass"},
    {"ev_part", "部分", "Part"},
    {"ev_item", "项目", "Item"},
    {"ev_conclusion", "指标值或简要结论", "Value or conclusion"},
    {"ev_limit", "标准", "Limit"},
    {"ev_met", "是否达标", "Met"},
    {"ev_name", "名称", "Item"},
    {"ev_seq", "序号", "No."},
    {"ev_count", "数量", "Count"},
    {"ev_sheet_overview", "总评", "Verdict"},
    {"ev_sheet_t1", "表Ⅰ 基本情况", "Table I Basics"},
    {"ev_sheet_t4", "表Ⅳ 政府保障程度", "Table IV Guarantee"},
    {"ev_sheet_t5", "表Ⅴ 教育质量", "Table V Quality"},
    {"ev_sheet_t6", "表Ⅵ 社会认可度", "Table VI Recognition"},
    {"ev_t1_title", "表Ⅰ 县域义务教育学校基本情况",
     "Table I Compulsory-education schools of the county"},
    {"ev_t4_title", "表Ⅳ 政府保障程度", "Table IV Government guarantee"},
    {"ev_t5_title", "表Ⅴ 教育质量", "Table V Education quality"},
    {"ev_t6_title", "表Ⅵ 社会认可度", "Table VI Social recognition"},
    {"ev_estimated", "（含按学生数拆分的估算）",
     " (partly estimated by pupils)"},
    {"ev_computed_mark", "（由学校数据计算）", " (computed from the school data)"},
    {"ev_small_schools", "不足{g_small_school}名学生的学校",
     "Schools under {g_small_school} pupils"}, /* rule sentence */
    {"ev_none", "无", "none"},
    {"ev_t1_value", "表Ⅰ数值", "Table I figure"},
    {"ev_t1_source", "来源", "Source"},
    {"ev_from_schools", "学校数据", "school data"},
    {"ev_from_facts", "评估事实", "facts file"},
    {"ev_schools_lack", "学校数据未提供", "not in the school data"},
    {"ev_continued", "（续）", "(continued)"},
    /* school types */
    {"type_primary", "小学", "Primary"},
    {"type_junior", "初中", "Junior"},
    {"type_nine_year", "九年一贯制学校", "Nine-year"},
    {"type_complete_secondary", "完全中学", "Complete secondary"},
    {"type_twelve_year", "十二年一贯制学校", "Twelve-year"},
    {"type_teaching_point", "教学点", "Teaching point"},
    {"type_special", "特殊教育学校", "Special education"},
    {"type_vocational", "职业学校", "Vocational"},
    {"ownership_public", "公办", "Public"},
    {"ownership_private", "民办", "Private"},
    {"ownership_province", "省属", "Province-run"},
    {"ownership_unknown", "", ""},
    /* charts */
    {"chart_threshold", "标准值", "Threshold"},
    {"chart_mean", "县域均值", "County mean"},
    {"chart_met", "达标", "Meets"},
    {"chart_below", "未达标", "Below"},
    {"chart_cv", "差异系数", "CV"},
    {"chart_cv_limit", "标准值", "Limit"},
    {"chart_cv_title", "资源配置指标校际差异系数", "Difference coefficients"},
    {"chart_cv_over", "超过标准值", "Above the limit"},
    {"chart_limit", "限值", "limit"},
    /* batch: many counties (src/report_batch*.c, junheng batch) */
    {"batch_title", "县域义务教育学校资源配置 多县区汇总",
     "Resource allocation: counties compared"},
    {"batch_sheet_summary", "县区汇总", "Counties"},
    {"batch_sheet_failing", "未达标县区及原因", "Failing counties and why"},
    {"batch_sheet_warnings", "数据提示", "Warnings"},
    {"batch_counties", "县区数", "Counties"},
    {"batch_groups", "县区×年份", "County-years"},
    {"batch_year", "年份", "Year"},
    {"batch_schools", "学校数", "Schools"},
    {"batch_schools_failing", "未达标学校数", "Schools failing"},
    {"batch_cv_failing", "超限差异系数个数", "CVs over limit"},
    {"batch_cv_max", "最大差异系数", "Largest CV"},
    {"batch_cv_mean", "差异系数均值", "Mean of CVs"},
    {"batch_cv_over", "超过标准值的差异系数", "CVs over the limit"},
    {"batch_rank", "排名", "Rank"},
    {"batch_rank_rule",
     "排名规则：同一年份、同一学段内，超过标准值的差异系数个数少者在前"
     "（无法计算的计为超过）；个数相同时最大差异系数小者在前；再相同时"
     "差异系数均值小者在前；三者均相同者名次并列",
     "Ranking, within a year and level: fewer CVs over the limit first "
     "(an undefined CV counts as over); then the smaller largest CV; then "
     "the smaller mean of the CVs; counties equal on all three share a "
     "rank"},
    {"batch_dist_title", "各县区资源配置指标校际差异系数分布",
     "Difference coefficients of every county"},
    {"batch_dist_caption", "箱体为四分位数，须为最小值至最大值；每点为一个县区",
     "Box: quartiles; whiskers: minimum to maximum; each dot is a county"},
    {"batch_dist_over", "超过标准值的县区", "Counties over the limit"},
    {"batch_dist_within", "未超过标准值的县区", "Counties within the limit"},
    {"batch_over_short", "超限", "over"},
    {"batch_trend_title", "差异系数变化趋势", "Difference coefficients over the years"},
    /* trend's year-on-year change table (src/report_batch.c) */
    {"trend_changes", "逐年变化", "Year-on-year change"},
    {"trend_change", "变化", "Change"},
    {"trend_mean", "均值", "Mean"},
    {"trend_up", "上升", "up"},
    {"trend_down", "下降", "down"},
    {"trend_same", "持平", "same"},
    {"trend_gap_up", "差距扩大", "gap wider"},
    {"trend_gap_down", "差距缩小", "gap narrower"},
    {"trend_gap_same", "差距不变", "gap unchanged"},
    {"trend_note", "变化为与上一年相比；差异系数下降表示校际差距缩小",
     "Change: from the year before; a CV going down means the gap between "
     "schools narrowed"},
    {"trend_sheet", "逐年变化", "Year on year"},
    {"trend_direction", "方向", "Direction"},
    {"trend_gap", "校际差距", "Gap"},
    {"trend_cvs_sheet", "差异系数", "CVs"},
    /* plan charts (src/report_plan_charts.c) */
    {"pc_title", "（整改前后）", " (before and after the plan)"},
    {"pc_before", "整改前", "Before"},
    {"pc_after", "整改后", "After"},
    {"pc_after_raised", "整改后（提高的学校）", "After (schools raised)"},
    {"pc_after_over", "整改后仍超过限值", "After, above the limit"},
    {"pc_mean_before", "整改前县域均值", "Mean before"},
    {"pc_mean_after", "整改后县域均值", "Mean after"},
    {"pc_raised", "整改学校", "Schools raised"},
    {"pc_cv_title", "整改前后差异系数", "Difference coefficients before and after the plan"},
    /* supplementary diagnostics charts (src/report_diag_charts.c) */
    {"dc_lorenz_title", "洛伦兹曲线（补充分析）", "Lorenz curves (supplementary)"},
    {"dc_lorenz_note",
     "补充分析，不属于2017年标准的判定内容   |   学校按指标值由低到高排列，"
     "按在校生数加权；曲线越接近对角线越均衡",
     "Supplementary analysis, not part of the 2017 standard's verdict   |   "
     "schools from the lowest value up, weighted by enrollment; the closer "
     "to the diagonal, the more equal"},
    {"dc_lorenz_x", "在校生累计占比", "Cumulative share of pupils"},
    {"dc_lorenz_y", "资源累计占比", "Cumulative share of the resource"},
    {"dc_equality", "绝对均等线", "Line of equality"},
    {"dc_gini", "基尼系数", "Gini"},
    {"dc_contrib_title", "各校差异贡献（补充分析）",
     "each school's share of the differences (supplementary)"},
    {"dc_note", "补充分析，不属于2017年标准的判定内容",
     "Supplementary, not part of the 2017 standard's verdict"},
    {"dc_share", "差异贡献（%）", "Share of the squared deviation (%)"},
    {"dc_below_mean", "低于县域均值", "Below the county mean"},
    {"dc_above_mean", "高于县域均值", "Above the county mean"},
    {"dc_top", "贡献最大的", "The"},
    {"dc_top_end", "所学校合计", "largest shares together:"},
};

const char *
jh_label(jh_lang lang, const char *key)
{
    for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
        if (strcmp(labels[i].key, key) == 0)
            return lang == JH_LANG_EN ? labels[i].en : labels[i].zh;
    }
    return key;
}

const char *
jh_indicator_name(const jh_indicator *ind, jh_lang lang)
{
    return lang == JH_LANG_EN ? ind->name_en : ind->name_zh;
}

const char *
jh_indicator_short(const jh_indicator *ind, jh_lang lang)
{
    return lang == JH_LANG_EN ? ind->short_en : ind->short_zh;
}

const char *
jh_level_name(jh_level level, jh_lang lang)
{
    static const char *const zh[] = {"小学", "初中", "高中"};
    static const char *const en[] = {"Primary", "Junior", "Senior"};
    if ((unsigned)level > 2)
        return "?";
    return lang == JH_LANG_EN ? en[level] : zh[level];
}

const char *
jh_exclusion_name(jh_exclusion_reason reason, jh_lang lang)
{
    static const char *const zh[JH_EXCL_COUNT] = {
        "特殊教育学校",       "职业学校",     "人数不足的教学点",
        "标注为不纳入计算",   "无小学或初中在校生", "民办学校（标准不计入）",
        "省属学校（标准不计入）", "教学点（标准不计入）"};
    static const char *const en[JH_EXCL_COUNT] = {
        "special-education school", "vocational school",
        "teaching point under the minimum", "marked as not included",
        "no primary or junior pupils", "private school (out of scope)",
        "province-run school (out of scope)",
        "teaching point (out of scope)"};
    if (reason >= JH_EXCL_COUNT)
        return "?";
    return lang == JH_LANG_EN ? en[reason] : zh[reason];
}

const char *
jh_county_verdict(jh_lang lang, const jh_standard *std, bool pass)
{
    if (std->cv_rule == JH_CV_COMPOSITE && std->min_met == 0)
        return jh_label(lang, pass ? "county_pass_basic" : "county_fail_basic");
    return jh_label(lang, pass ? "county_pass" : "county_fail");
}
