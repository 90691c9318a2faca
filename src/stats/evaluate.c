/*
 * junheng - the whole 2017 county evaluation: facts, items, verdicts
 * (教督〔2017〕6号; §1.5 of the rules).  Every limit comes from the
 * standard's [county] and [guarantee] sections; this file holds the items'
 * names and which facts each one reads, never a threshold.
 */
#include "junheng/evaluate.h"
#include "junheng/school_reader.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "standard_text.h"
#include "util.h"

/* ---- the items -------------------------------------------------------------
 */

/* Items of each part: id, Chinese and English wording (2017 standard).
 * A {name} is a figure of the loaded standard, filled in by begin_item
 * (jh__rule_text, src/model/standard_text.h). */
typedef struct item_def {
    jh_part part;
    const char *id;
    const char *zh;
    const char *en;
} item_def;

static const item_def item_defs[] = {
    {JH_PART_RESOURCES, "resources_cv",
     "资源配置{indicators}项指标校际差异系数均达到要求（小学不高于{cv_primary}，"
     "初中不高于{cv_junior}）",
     "Every resource indicator's difference coefficient within its limit"},
    {JH_PART_RESOURCES, "resources_schools",
     "每所学校至少{min_met}项指标达到要求，余下{rest}项不低于要求的{floor}%",
     "Every school meets {min_met} indicators and reaches {floor}% of the "
     "seventh"},
    {JH_PART_GUARANTEE, "planning_layout",
     "县域内义务教育学校规划布局合理，符合国家规定要求",
     "School planning and layout meet the national rules"},
    {JH_PART_GUARANTEE, "unified_standards",
     "县级人民政府制定义务教育学校办学标准，所有学校达到要求",
     "The county sets school standards and every school meets them"},
    {JH_PART_GUARANTEE, "music_art_rooms",
     "所有小学、初中每{g_classes_per_room}个班级配备音乐、美术专用教室1间以上，"
     "每间音乐专用教室不小于{g_music_room_area}平方米，每间美术专用教室不小于"
     "{g_art_room_area}平方米",
     "One music and one art room per {g_classes_per_room} classes, at least "
     "{g_music_room_area} and {g_art_room_area} m2"},
    {JH_PART_GUARANTEE, "school_size",
     "所有小学、初中规模不超过{g_school_size}人，九年一贯制、十二年一贯制学校"
     "义务教育阶段规模不超过{g_school_size_combined}人",
     "Schools of at most {g_school_size} pupils (nine- and twelve-year "
     "{g_school_size_combined})"},
    {JH_PART_GUARANTEE, "class_size",
     "小学、初中所有班级学生数分别不超过{g_class_primary}人、{g_class_junior}人",
     "Classes of at most {g_class_primary} (primary) and {g_class_junior} "
     "(junior) pupils"},
    {JH_PART_GUARANTEE, "small_school_funds",
     "不足{g_small_school}名学生的村小学和教学点按{g_small_school}名学生核定"
     "公用经费",
     "Schools under {g_small_school} pupils funded as for {g_small_school}"},
    {JH_PART_GUARANTEE, "special_funds",
     "特殊教育学校生均公用经费不低于{c_special_funds}元",
     "Special-education public funds of at least {c_special_funds} yuan per "
     "student"},
    {JH_PART_GUARANTEE, "salary",
     "全县义务教育学校教师平均工资收入水平不低于当地公务员平均工资收入水平",
     "Teachers' average pay at least civil servants' average pay"},
    {JH_PART_GUARANTEE, "training_completion",
     "教师5年360学时培训完成率达到{c_training}%",
     "Every teacher completes 360 training hours in 5 years"},
    {JH_PART_GUARANTEE, "staffing_allocation",
     "县级教育行政部门在核定的编制总额和岗位总量内统筹分配各校教职工编制和岗位",
     "The county allocates staff posts to schools within its quota"},
    {JH_PART_GUARANTEE, "rotation",
     "每年交流轮岗教师比例不低于符合交流条件教师总数的{c_rotation}%，其中骨干"
     "教师不低于交流轮岗教师总数的{c_rotation_backbone}%",
     "At least {c_rotation}% of eligible teachers rotate, "
     "{c_rotation_backbone}% of them backbone"},
    {JH_PART_GUARANTEE, "certified_teachers",
     "专任教师持有教师资格证上岗率达到{g_certified}%",
     "Every full-time teacher holds a teacher's certificate"},
    {JH_PART_GUARANTEE, "nearby_enrollment",
     "城区和镇区公办小学、初中（不含寄宿制学校）就近划片入学比例分别达到"
     "{c_nearby_primary}%、{c_nearby_junior}%",
     "Nearby enrollment {c_nearby_primary}% (primary) and {c_nearby_junior}% "
     "(junior) in urban and town public schools"},
    {JH_PART_GUARANTEE, "quality_places",
     "优质高中招生名额分配比例不低于{c_quality_places}%，并向农村初中倾斜",
     "At least {c_quality_places}% of quality senior-high places allocated "
     "to junior schools"},
    {JH_PART_GUARANTEE, "migrant_children",
     "符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例不低于"
     "{c_migrant}%",
     "At least {c_migrant}% of migrant children in public or publicly funded "
     "schools"},
    {JH_PART_QUALITY, "junior_retention",
     "全县初中三年巩固率达到{c_retention}%以上",
     "Junior three-year retention at least {c_retention}%"},
    {JH_PART_QUALITY, "disabled_enrollment",
     "全县残疾儿童少年入学率达到{c_disabled}%以上",
     "Enrollment of disabled children at least {c_disabled}%"},
    {JH_PART_QUALITY, "charters_informatisation",
     "所有学校制定章程，实现学校管理与教学信息化",
     "Every school has a charter; management and teaching use IT"},
    {JH_PART_QUALITY, "training_funds",
     "所有学校按照不低于学校年度公用经费预算总额的{g_training_funds}%安排"
     "教师培训经费",
     "Every school spends at least {g_training_funds}% of its public funds "
     "on training"},
    {JH_PART_QUALITY, "it_teaching",
     "教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平",
     "Teachers teach with IT; equipment is well used"},
    {JH_PART_QUALITY, "moral_education",
     "所有学校德育工作、校园文化建设水平达到良好以上",
     "Moral education and school culture at least good"},
    {JH_PART_QUALITY, "curriculum",
     "课程开齐开足，教学秩序规范，综合实践活动有效开展",
     "Full curriculum, orderly teaching, practical activities"},
    {JH_PART_QUALITY, "homework_burden", "无过重课业负担",
     "No excessive homework burden"},
    {JH_PART_QUALITY, "monitoring",
     "在国家义务教育质量监测中，相关科目学生学业水平达到{c_monitoring_level}级"
     "以上，且校际差异率低于{c_monitoring_difference}",
     "National monitoring: level {c_monitoring_level_en} or above, "
     "difference rate below "
     "{c_monitoring_difference}"},
    {JH_PART_RECOGNITION, "recognition",
     "社会认可度达到{c_recognition}%以上",
     "Social recognition at least {c_recognition}%"},
    {JH_PART_VETO, "veto_exam_admission", "以考试方式招生",
     "Admission by examination"},
    {JH_PART_VETO, "veto_school_choice", "违规择校行为",
     "School choice against the rules"},
    {JH_PART_VETO, "veto_key_schools", "设置重点学校或重点班",
     "Key schools or key classes"},
    {JH_PART_VETO, "veto_unfilled_posts", "“有编不补”或长期聘用编外教师",
     "Posts left unfilled or teachers outside the posts"},
    {JH_PART_VETO, "veto_major_incident",
     "教育系统存在重大安全责任事故和严重违纪违规事件",
     "A major safety accident or serious breach of rules"},
    {JH_PART_VETO, "veto_falsification", "弄虚作假行为",
     "Falsified evaluation material"},
};

#define NITEMS (sizeof(item_defs) / sizeof(item_defs[0]))

/* Builds the items. */
typedef struct builder {
    jh_evaluation *ev;
    const jh_facts *facts;
    const jh_standard *std;
    jh_eval_item *cur;
} builder;

static jh_eval_item *
begin_item(builder *b, const char *id, bool computed)
{
    jh_evaluation *ev = b->ev;
    jh_eval_item *it = &ev->items[ev->nitems];
    int number = 1;

    for (size_t i = 0; i < NITEMS; i++) {
        if (strcmp(item_defs[i].id, id) != 0)
            continue;
        for (size_t k = 0; k < ev->nitems; k++)
            number += ev->items[k].part == item_defs[i].part;
        memset(it, 0, sizeof(*it));
        it->part = item_defs[i].part;
        it->number = number;
        it->id = item_defs[i].id;
        jh__rule_text(b->std, item_defs[i].zh, it->name_zh,
                      sizeof(it->name_zh));
        jh__rule_text(b->std, item_defs[i].en, it->name_en,
                      sizeof(it->name_en));
        it->computed = computed;
        ev->nitems++;
        b->cur = it;
        return it;
    }
    return NULL; /* not reached: every id is in item_defs */
}

static jh_figure *
add_figure(builder *b, const char *id, const char *zh, const char *en,
           jh_eunit unit, jh_cmp cmp, double value, double limit)
{
    jh_eval_item *it = b->cur;
    jh_figure *fg;

    if (it == NULL || it->nfigures == JH_EVAL_MAX_FIGURES)
        return NULL;
    fg = &it->figure[it->nfigures++];
    fg->id = id;
    jh__rule_text(b->std, zh != NULL ? zh : "", fg->name_zh,
                  sizeof(fg->name_zh));
    jh__rule_text(b->std, en != NULL ? en : "", fg->name_en,
                  sizeof(fg->name_en));
    fg->unit = unit;
    fg->cmp = cmp;
    fg->value = value;
    fg->limit = limit;
    fg->fact = -1;
    fg->gcheck = -1;
    return fg;
}

/* Judge a figure from its value and limit. */
static void
judge(jh_figure *fg)
{
    if (isnan(fg->value)) {
        fg->verdict = fg->cmp == JH_CMP_INFO ? JH_V_PASS : JH_V_INCOMPLETE;
        return;
    }
    switch (fg->cmp) {
    case JH_CMP_MIN:
        fg->verdict = jh_meets(fg->value, fg->limit) ? JH_V_PASS : JH_V_FAIL;
        break;
    case JH_CMP_BELOW:
        fg->verdict = fg->value < fg->limit ? JH_V_PASS : JH_V_FAIL;
        break;
    case JH_CMP_YES:
        fg->verdict = fg->value == 1 ? JH_V_PASS : JH_V_FAIL;
        break;
    case JH_CMP_NO:
        fg->verdict = fg->value == 0 ? JH_V_PASS : JH_V_FAIL;
        break;
    case JH_CMP_ALL:
        fg->verdict = fg->value >= fg->limit ? JH_V_PASS : JH_V_FAIL;
        break;
    case JH_CMP_INFO:
        fg->verdict = JH_V_PASS;
        break;
    }
}

/* A figure read from fact @p id. */
static void
fact_figure(builder *b, jh_fact_id id, jh_eunit unit, jh_cmp cmp, double limit)
{
    const jh_fact *f = &b->facts->fact[id];
    jh_figure *fg = add_figure(b, jh_fact_key(id), jh_fact_zh(id), jh_fact_en(id),
                               unit, cmp, f->given ? f->value : NAN, limit);
    if (fg == NULL)
        return;
    fg->fact = (int)id;
    if (cmp == JH_CMP_YES || cmp == JH_CMP_NO)
        fg->limit = NAN;
    judge(fg);
}

/* A figure counting the schools that pass guarantee check @p k. */
static void
check_figure(builder *b, jh_gcheck k)
{
    const jh_gsummary *sm = &b->ev->guarantee->items[k];
    jh_figure *fg = add_figure(b, jh_gcheck_key(k), jh_gcheck_zh(k),
                               jh_gcheck_en(k), JH_EU_SCHOOLS, JH_CMP_ALL,
                               (double)sm->pass, (double)sm->applicable);
    if (fg == NULL)
        return;
    fg->gcheck = (int)k;
    fg->verdict = sm->fail > 0      ? JH_V_FAIL
                  : sm->missing > 0 ? JH_V_INCOMPLETE
                                    : JH_V_PASS;
}

/* An item's verdict from its figures. */
static void
end_item(builder *b)
{
    jh_eval_item *it = b->cur;
    bool fail = false, incomplete = false;

    for (size_t i = 0; i < it->nfigures; i++) {
        fail = fail || it->figure[i].verdict == JH_V_FAIL;
        incomplete = incomplete || it->figure[i].verdict == JH_V_INCOMPLETE;
    }
    it->verdict = fail ? JH_V_FAIL : incomplete ? JH_V_INCOMPLETE : JH_V_PASS;
    b->cur = NULL;
}

/* A yes/no item read from one fact. */
static void
yes_item(builder *b, const char *id, jh_fact_id fact, jh_cmp cmp)
{
    begin_item(b, id, false);
    fact_figure(b, fact, JH_EU_YESNO, cmp, NAN);
    end_item(b);
}

static void
resources_items(builder *b)
{
    const jh_analysis *a = b->ev->analysis;
    const jh_standard *std = b->std;
    static const char *const cv_id[] = {"cv_primary", "cv_junior"};
    static const char *const cv_zh[] = {"小学差异系数达到要求的指标",
                                        "初中差异系数达到要求的指标"};
    static const char *const cv_en[] = {"Primary indicators within the CV "
                                        "limit",
                                        "Junior indicators within the CV "
                                        "limit"};
    static const char *const sc_id[] = {"schools_primary_pass",
                                        "schools_junior_pass"};
    static const char *const sc_zh[] = {"小学达到要求的学校",
                                        "初中达到要求的学校"};
    static const char *const sc_en[] = {"Primary schools meeting the rule",
                                        "Junior schools meeting the rule"};

    begin_item(b, "resources_cv", true);
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *lr = &a->levels[l];
        double met = 0, n = 0;
        jh_figure *fg;
        if (!lr->present)
            continue;
        if (std->cv_rule == JH_CV_EACH) {
            for (size_t k = 0; k < std->nindicators; k++) {
                n++;
                met += lr->ind[k].cv_pass;
            }
        } else {
            n = 1;
            met = lr->cv_pass;
        }
        fg = add_figure(b, cv_id[l], cv_zh[l], cv_en[l], JH_EU_ITEMS,
                        JH_CMP_ALL, met, n);
        if (fg != NULL)
            fg->verdict = lr->cv_pass ? JH_V_PASS : JH_V_FAIL;
    }
    end_item(b);
    begin_item(b, "resources_schools", true);
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        const jh_level_result *lr = &a->levels[l];
        jh_figure *fg;
        if (!lr->present)
            continue;
        fg = add_figure(b, sc_id[l], sc_zh[l], sc_en[l], JH_EU_SCHOOLS,
                        JH_CMP_ALL, (double)lr->schools_passing,
                        (double)lr->nsections);
        if (fg != NULL)
            fg->verdict = lr->schools_pass ? JH_V_PASS : JH_V_FAIL;
    }
    end_item(b);
}

/*
 * Schools under the small-school pupil count ([guarantee]
 * small_school_pupils): village schools and teaching points, public, with
 * compulsory pupils.  Each must have public funds of at least the
 * per-pupil amounts × that count (pupils of each level weighted by their
 * share).  Returns false when out of memory.
 */
static bool
small_schools(builder *b)
{
    jh_evaluation *ev = b->ev;
    const jh_county *c = ev->analysis->model->county;
    const jh_standard *std = b->std;
    double min = std->guarantee.small_school_pupils;

    ev->small = calloc(c->nschools + 1, sizeof(*ev->small));
    if (ev->small == NULL)
        return false;
    for (size_t i = 0; i < c->nschools; i++) {
        const jh_school *s = &c->schools[i];
        unsigned levels = jh_school_type_levels(s->type);
        double pupils = 0, per = 0;
        jh_small_school *sm;

        if (levels == 0 || !s->include || s->ownership == JH_OWNERSHIP_PRIVATE)
            continue;
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            if ((levels & (1u << l)) && isfinite(s->students[l]))
                pupils += s->students[l];
        }
        if (pupils <= 0 || pupils >= min)
            continue;
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            if ((levels & (1u << l)) && isfinite(s->students[l]))
                per += std->county.public_funds_per_pupil[l] * s->students[l] /
                       pupils;
        }
        sm = &ev->small[ev->nsmall++];
        sm->school = i;
        sm->pupils = pupils;
        sm->required = per * min;
        sm->funds = s->whole[JH_Q_PUBLIC_FUNDS];
        sm->verdict = isnan(sm->funds)                    ? JH_V_INCOMPLETE
                      : jh_meets(sm->funds, sm->required) ? JH_V_PASS
                                                          : JH_V_FAIL;
    }
    return true;
}

static void
guarantee_items(builder *b)
{
    const jh_county_limits *lim = &b->std->county;
    jh_evaluation *ev = b->ev;
    jh_figure *fg;
    double ok = 0;
    bool fail = false, incomplete = false;

    yes_item(b, "planning_layout", JH_F_PLANNING_LAYOUT, JH_CMP_YES);
    yes_item(b, "unified_standards", JH_F_UNIFIED_STANDARDS, JH_CMP_YES);
    begin_item(b, "music_art_rooms", true);
    check_figure(b, JH_G_MUSIC_ROOMS);
    check_figure(b, JH_G_ART_ROOMS);
    check_figure(b, JH_G_MUSIC_ROOM_AREA);
    check_figure(b, JH_G_ART_ROOM_AREA);
    end_item(b);
    begin_item(b, "school_size", true);
    check_figure(b, JH_G_SCHOOL_SIZE);
    end_item(b);
    begin_item(b, "class_size", true);
    check_figure(b, JH_G_CLASS_SIZE_PRIMARY);
    check_figure(b, JH_G_CLASS_SIZE_JUNIOR);
    end_item(b);

    begin_item(b, "small_school_funds", true);
    for (size_t i = 0; i < ev->nsmall; i++) {
        ok += ev->small[i].verdict == JH_V_PASS;
        fail = fail || ev->small[i].verdict == JH_V_FAIL;
        incomplete = incomplete || ev->small[i].verdict == JH_V_INCOMPLETE;
    }
    fg = add_figure(b, "small_school_funds",
                    "按{g_small_school}名学生核定公用经费的学校",
                    "Small schools funded as for {g_small_school} pupils",
                    JH_EU_SCHOOLS,
                    JH_CMP_ALL, ok, (double)ev->nsmall);
    if (fg != NULL)
        fg->verdict = fail         ? JH_V_FAIL
                      : incomplete ? JH_V_INCOMPLETE
                                   : JH_V_PASS;
    end_item(b);

    begin_item(b, "special_funds", false);
    fact_figure(b, JH_F_SPECIAL_FUNDS_PER_STUDENT, JH_EU_YUAN, JH_CMP_MIN,
                lim->special_funds_per_student_min);
    end_item(b);
    begin_item(b, "salary", false);
    fact_figure(b, JH_F_SALARY_RATIO, JH_EU_RATIO, JH_CMP_MIN,
                lim->salary_ratio_min);
    end_item(b);
    begin_item(b, "training_completion", false);
    fact_figure(b, JH_F_TRAINING_COMPLETION, JH_EU_SHARE, JH_CMP_MIN,
                lim->training_completion_min);
    end_item(b);
    yes_item(b, "staffing_allocation", JH_F_STAFFING_ALLOCATION, JH_CMP_YES);
    begin_item(b, "rotation", false);
    fact_figure(b, JH_F_ROTATION_SHARE, JH_EU_SHARE, JH_CMP_MIN,
                lim->rotation_share_min);
    fact_figure(b, JH_F_ROTATION_BACKBONE_SHARE, JH_EU_SHARE, JH_CMP_MIN,
                lim->rotation_backbone_share_min);
    end_item(b);
    begin_item(b, "certified_teachers", true);
    check_figure(b, JH_G_CERTIFIED_TEACHERS);
    end_item(b);
    begin_item(b, "nearby_enrollment", false);
    fact_figure(b, JH_F_NEARBY_URBAN_PRIMARY, JH_EU_SHARE, JH_CMP_MIN,
                lim->nearby_min[JH_LEVEL_PRIMARY]);
    fact_figure(b, JH_F_NEARBY_TOWN_PRIMARY, JH_EU_SHARE, JH_CMP_MIN,
                lim->nearby_min[JH_LEVEL_PRIMARY]);
    fact_figure(b, JH_F_NEARBY_URBAN_JUNIOR, JH_EU_SHARE, JH_CMP_MIN,
                lim->nearby_min[JH_LEVEL_JUNIOR]);
    fact_figure(b, JH_F_NEARBY_TOWN_JUNIOR, JH_EU_SHARE, JH_CMP_MIN,
                lim->nearby_min[JH_LEVEL_JUNIOR]);
    end_item(b);
    begin_item(b, "quality_places", false);
    fact_figure(b, JH_F_QUALITY_PLACES_SHARE, JH_EU_SHARE, JH_CMP_MIN,
                lim->quality_places_share_min);
    end_item(b);
    begin_item(b, "migrant_children", false);
    fact_figure(b, JH_F_MIGRANT_PUBLIC_SHARE, JH_EU_SHARE, JH_CMP_MIN,
                lim->migrant_public_share_min);
    end_item(b);
}

/* Junior retention: stated, or grade-3 pupils / entrants three years ago. */
static jh_status
retention_item(builder *b, jh_diags *warn)
{
    const jh_fact *rate = &b->facts->fact[JH_F_JUNIOR_RETENTION];
    const jh_fact *in = &b->facts->fact[JH_F_JUNIOR_ENTRANTS];
    const jh_fact *now = &b->facts->fact[JH_F_JUNIOR_GRADE3];
    double computed = NAN;
    jh_figure *fg;

    if (in->given && now->given && in->value > 0)
        computed = now->value / in->value;
    begin_item(b, "junior_retention", false);
    if (rate->given || isnan(computed)) {
        fact_figure(b, JH_F_JUNIOR_RETENTION, JH_EU_SHARE, JH_CMP_MIN,
                    b->std->county.junior_retention_min);
        if (rate->given && !isnan(computed) &&
            fabs(rate->value - computed) >= 0.0005 &&
            jh_diags_add2(warn, b->facts->source, rate->line, 0, NULL, NULL,
                          "初中巩固率填的是%.2f%%，但初三学生数 / 初一入学数 = "
                          "%.0f / %.0f = %.2f%%",
                          "junior_retention is %.2f%% but junior_grade3 / "
                         "junior_entrants = %.0f / %.0f = %.2f%%",
                         rate->value * 100, now->value, in->value,
                         computed * 100) != JH_OK)
            return JH_ERR_NOMEM;
    } else {
        fg =
            add_figure(b, "junior_retention", jh_fact_zh(JH_F_JUNIOR_RETENTION),
                       jh_fact_en(JH_F_JUNIOR_RETENTION), JH_EU_SHARE, JH_CMP_MIN,
                       computed, b->std->county.junior_retention_min);
        if (fg != NULL)
            judge(fg);
    }
    end_item(b);
    return JH_OK;
}

static jh_status
quality_items(builder *b, jh_diags *warn)
{
    const jh_county_limits *lim = &b->std->county;

    if (retention_item(b, warn) != JH_OK)
        return JH_ERR_NOMEM;
    begin_item(b, "disabled_enrollment", false);
    fact_figure(b, JH_F_DISABLED_ENROLLMENT, JH_EU_SHARE, JH_CMP_MIN,
                lim->disabled_enrollment_min);
    end_item(b);
    yes_item(b, "charters_informatisation", JH_F_CHARTERS_INFORMATISATION,
             JH_CMP_YES);
    begin_item(b, "training_funds", true);
    check_figure(b, JH_G_TRAINING_FUNDS);
    end_item(b);
    yes_item(b, "it_teaching", JH_F_IT_TEACHING, JH_CMP_YES);
    yes_item(b, "moral_education", JH_F_MORAL_EDUCATION, JH_CMP_YES);
    yes_item(b, "curriculum", JH_F_CURRICULUM, JH_CMP_YES);
    yes_item(b, "homework_burden", JH_F_HOMEWORK_BURDEN, JH_CMP_YES);
    begin_item(b, "monitoring", false);
    fact_figure(b, JH_F_MONITORING_LEVEL, JH_EU_LEVEL, JH_CMP_MIN,
                lim->monitoring_level_min);
    fact_figure(b, JH_F_MONITORING_DIFFERENCE, JH_EU_RATIO, JH_CMP_BELOW,
                lim->monitoring_difference_max);
    end_item(b);
    return JH_OK;
}

/* A survey count larger than the count it is part of: a warning. */
static jh_status
survey_warning(builder *b, jh_diags *warn, jh_fact_id part, jh_fact_id whole)
{
    const jh_fact *p = &b->facts->fact[part], *w = &b->facts->fact[whole];

    if (!p->given || !w->given || p->value <= w->value)
        return JH_OK;
    return jh_diags_add2(warn, b->facts->source, p->line, 0,
                         p->cell[0] != '\0' ? p->cell : NULL, NULL,
                         "%.0s%s（%.0f）大于%.0s%s（%.0f）",
                         "%s%.0s (%.0f) is more than %s%.0s (%.0f)",
                         jh_fact_key(part), jh_fact_zh(part), p->value,
                         jh_fact_key(whole), jh_fact_zh(whole), w->value);
}

/*
 * Social recognition = (satisfied questionnaires + satisfied visits) /
 * (valid questionnaires + visits).  Visits are optional (both or neither);
 * the parents' share is reported, and judged when the standard sets
 * parents_recognition_min.
 */
static jh_status
recognition_item(builder *b, jh_diags *warn)
{
    const jh_fact *f = b->facts->fact;
    const jh_county_limits *lim = &b->std->county;
    jh_evaluation *ev = b->ev;
    double num = NAN, den = NAN;
    jh_figure *fg;

    if (survey_warning(b, warn, JH_F_QUESTIONNAIRES_VALID,
                       JH_F_QUESTIONNAIRES_ISSUED) != JH_OK ||
        survey_warning(b, warn, JH_F_QUESTIONNAIRES_SATISFIED,
                       JH_F_QUESTIONNAIRES_VALID) != JH_OK ||
        survey_warning(b, warn, JH_F_VISITS_SATISFIED, JH_F_VISITS) != JH_OK ||
        survey_warning(b, warn, JH_F_PARENTS_SATISFIED, JH_F_PARENTS_VALID) !=
            JH_OK ||
        survey_warning(b, warn, JH_F_PARENTS_VALID,
                       JH_F_QUESTIONNAIRES_VALID) != JH_OK)
        return JH_ERR_NOMEM;
    if (f[JH_F_QUESTIONNAIRES_VALID].given &&
        f[JH_F_QUESTIONNAIRES_SATISFIED].given &&
        f[JH_F_VISITS].given == f[JH_F_VISITS_SATISFIED].given) {
        num = f[JH_F_QUESTIONNAIRES_SATISFIED].value;
        den = f[JH_F_QUESTIONNAIRES_VALID].value;
        if (f[JH_F_VISITS].given) {
            num += f[JH_F_VISITS_SATISFIED].value;
            den += f[JH_F_VISITS].value;
        }
    }
    ev->recognition = den > 0 ? num / den : NAN;
    if (f[JH_F_PARENTS_VALID].given && f[JH_F_PARENTS_SATISFIED].given &&
        f[JH_F_PARENTS_VALID].value > 0)
        ev->parents_recognition =
            f[JH_F_PARENTS_SATISFIED].value / f[JH_F_PARENTS_VALID].value;
    begin_item(b, "recognition", false);
    fg = add_figure(b, "recognition", "社会认可度（满意人数/有效人数）",
                    "Social recognition (satisfied / valid)", JH_EU_SHARE,
                    JH_CMP_MIN, ev->recognition, lim->recognition_min);
    if (fg != NULL)
        judge(fg);
    fg = add_figure(b, "parents_recognition", "其中家长认可度",
                    "Of which parents", JH_EU_SHARE,
                    isnan(lim->parents_recognition_min) ? JH_CMP_INFO
                                                        : JH_CMP_MIN,
                    ev->parents_recognition, lim->parents_recognition_min);
    if (fg != NULL)
        judge(fg);
    end_item(b);
    return JH_OK;
}

/* The facts an item needs and lacks, once each, in item order. */
static bool
collect_missing(jh_evaluation *ev)
{
    const jh_fact *f = ev->facts->fact;
    static const jh_fact_id survey[] = {JH_F_QUESTIONNAIRES_VALID,
                                        JH_F_QUESTIONNAIRES_SATISFIED};

    ev->missing = calloc(JH_F_COUNT, sizeof(*ev->missing));
    if (ev->missing == NULL)
        return false;
    for (size_t i = 0; i < ev->nitems; i++) {
        const jh_eval_item *it = &ev->items[i];
        for (size_t k = 0; k < it->nfigures; k++) {
            const jh_figure *fg = &it->figure[k];
            bool seen = false;
            if (fg->fact < 0 || fg->verdict != JH_V_INCOMPLETE)
                continue;
            for (size_t m = 0; m < ev->nmissing; m++)
                seen = seen || ev->missing[m] == (jh_fact_id)fg->fact;
            if (!seen)
                ev->missing[ev->nmissing++] = (jh_fact_id)fg->fact;
        }
        /* The survey names its inputs. */
        if (strcmp(it->id, "recognition") == 0 &&
            it->figure[0].verdict == JH_V_INCOMPLETE) {
            for (size_t s = 0; s < sizeof(survey) / sizeof(survey[0]); s++) {
                if (!f[survey[s]].given)
                    ev->missing[ev->nmissing++] = survey[s];
            }
            if (f[JH_F_VISITS].given != f[JH_F_VISITS_SATISFIED].given)
                ev->missing[ev->nmissing++] =
                    f[JH_F_VISITS].given ? JH_F_VISITS_SATISFIED : JH_F_VISITS;
        }
    }
    return true;
}

/* ---- 表Ⅰ -------------------------------------------------------------- */

/* A figure of 表Ⅰ: the school table's own when it has one, else the
 * stated fact, else none (NAN). */
static void
t1_pick(double school, const jh_fact *fact, double *value, jh_t1_source *from)
{
    if (!isnan(school)) {
        *value = school;
        *from = JH_T1_SCHOOLS;
    } else if (fact->given) {
        *value = fact->value;
        *from = JH_T1_FACTS;
    } else {
        *value = NAN;
        *from = JH_T1_NONE;
    }
}

static void
table1_compute(jh_table1 *t1, const jh_county *c, const jh_standard *std,
               const jh_facts *fs)
{
    static const jh_fact_id class_fact[] = {JH_F_CLASSES_PRIMARY,
                                            JH_F_CLASSES_JUNIOR};
    static const jh_fact_id teacher_fact[] = {JH_F_TEACHERS_PRIMARY,
                                              JH_F_TEACHERS_JUNIOR};
    bool estimated[JH_LEVEL_COUNT] = {false, false};

    memset(t1, 0, sizeof(*t1));
    for (size_t i = 0; i < c->nschools; i++) {
        const jh_school *s = &c->schools[i];
        unsigned levels = jh_school_type_levels(s->type);
        double all = 0;

        t1->schools[s->type]++;
        if (s->type == JH_TYPE_TEACHING_POINT &&
            isfinite(s->students[JH_LEVEL_PRIMARY]) &&
            s->students[JH_LEVEL_PRIMARY] >= std->teaching_point_min)
            t1->teaching_points_50plus++;
        if (levels == 0)
            continue; /* special-education and vocational schools */
        for (int l = 0; l < 3; l++) {
            if ((levels & (1u << l)) && isfinite(s->students[l]))
                all += s->students[l];
        }
        for (int l = 0; l < JH_LEVEL_COUNT; l++) {
            double pupils = s->students[l], t = s->section[JH_Q_TEACHERS][l];
            if (!(levels & (1u << l)) || !isfinite(pupils) || pupils <= 0)
                continue;
            t1->students[l] += pupils;
            if (isfinite(s->classes[l]))
                t1->classes[l] += s->classes[l];
            else {
                t1->blank_classes++;
                t1->blank_classes_by[l]++;
            }
            if (isnan(t) && isfinite(s->whole[JH_Q_TEACHERS]) && all > 0) {
                t = s->whole[JH_Q_TEACHERS] * pupils / all;
                if (pupils < all)
                    estimated[l] = true;
            }
            if (isfinite(t))
                t1->teachers[l] += t;
            else {
                t1->blank_teachers++;
                t1->blank_teachers_by[l]++;
            }
        }
    }
    /* A county figure only when every row counted gives it; otherwise the
     * facts' figure, or none (never a partial sum, never 0). */
    for (int l = 0; l < JH_LEVEL_COUNT; l++) {
        t1->students_from[l] = JH_T1_SCHOOLS;
        t1->classes_schools[l] =
            t1->blank_classes_by[l] == 0 ? t1->classes[l] : NAN;
        t1->teachers_schools[l] =
            t1->blank_teachers_by[l] == 0 ? t1->teachers[l] : NAN;
        t1_pick(t1->classes_schools[l], &fs->fact[class_fact[l]],
                &t1->classes[l], &t1->classes_from[l]);
        t1_pick(t1->teachers_schools[l], &fs->fact[teacher_fact[l]],
                &t1->teachers[l], &t1->teachers_from[l]);
        if (t1->teachers_from[l] == JH_T1_SCHOOLS && estimated[l])
            t1->teachers_estimated = true;
    }
}

/* Stated counts of 表Ⅰ that differ from the school data's own figures. */
static bool
contradictions(jh_evaluation *ev)
{
    const jh_table1 *t1 = &ev->table1;
    const jh_fact *f = ev->facts->fact;
    const struct {
        jh_fact_id fact;
        double computed;
    } pairs[] = {
        {JH_F_SCHOOLS_PRIMARY, (double)t1->schools[JH_TYPE_PRIMARY]},
        {JH_F_SCHOOLS_JUNIOR, (double)t1->schools[JH_TYPE_JUNIOR]},
        {JH_F_SCHOOLS_NINE_YEAR, (double)t1->schools[JH_TYPE_NINE_YEAR]},
        {JH_F_SCHOOLS_TWELVE_YEAR, (double)t1->schools[JH_TYPE_TWELVE_YEAR]},
        {JH_F_SCHOOLS_COMPLETE_SECONDARY,
         (double)t1->schools[JH_TYPE_COMPLETE_SECONDARY]},
        {JH_F_TEACHING_POINTS, (double)t1->schools[JH_TYPE_TEACHING_POINT]},
        {JH_F_TEACHING_POINTS_50PLUS, (double)t1->teaching_points_50plus},
        {JH_F_CLASSES_PRIMARY, t1->classes_schools[JH_LEVEL_PRIMARY]},
        {JH_F_CLASSES_JUNIOR, t1->classes_schools[JH_LEVEL_JUNIOR]},
        {JH_F_STUDENTS_PRIMARY, t1->students[JH_LEVEL_PRIMARY]},
        {JH_F_STUDENTS_JUNIOR, t1->students[JH_LEVEL_JUNIOR]},
        {JH_F_TEACHERS_PRIMARY, t1->teachers_schools[JH_LEVEL_PRIMARY]},
        {JH_F_TEACHERS_JUNIOR, t1->teachers_schools[JH_LEVEL_JUNIOR]},
    };
    size_t n = sizeof(pairs) / sizeof(pairs[0]);

    ev->contradictions = calloc(n, sizeof(*ev->contradictions));
    if (ev->contradictions == NULL)
        return false;
    for (size_t i = 0; i < n; i++) {
        const jh_fact *fact = &f[pairs[i].fact];
        /* Two real figures only: a figure the school table lacks (NAN) is
         * no evidence against the county's.  Estimated teacher counts may
         * be fractional: a stated count within half a teacher agrees. */
        if (!fact->given || isnan(pairs[i].computed) ||
            fabs(fact->value - pairs[i].computed) < 0.5)
            continue;
        ev->contradictions[ev->ncontradictions].fact = pairs[i].fact;
        ev->contradictions[ev->ncontradictions].stated = fact->value;
        ev->contradictions[ev->ncontradictions].computed = pairs[i].computed;
        ev->ncontradictions++;
    }
    return true;
}

/* ---- plausibility ------------------------------------------------------- */

/*
 * Facts that are possible but off by orders of magnitude: a warning with
 * the fact's line (and cell), never a refusal: the verdict judges them as
 * given.  Money per student further than 100 times from the standard's
 * minimum is most likely in the wrong unit (万元 for 元); a salary ratio
 * further than 10 times from 1 is a percentage or a sum; a difference rate
 * over 1 is a percentage.
 */
/* True when @p v is more than @p factor times from @p ref either way. */
static bool
far_from(double v, double ref, double factor)
{
    return ref > 0 && (v * factor < ref || v > ref * factor);
}

static jh_status
plausibility(const jh_facts *fs, const jh_standard *std, jh_diags *warn)
{
    const jh_fact *f = fs->fact;
    const jh_fact *money = &f[JH_F_SPECIAL_FUNDS_PER_STUDENT];
    const jh_fact *salary = &f[JH_F_SALARY_RATIO];
    const jh_fact *diff = &f[JH_F_MONITORING_DIFFERENCE];
    char v[48], r[48];

#define PLACE(x)                                                               \
    fs->source, (x)->line, 0, (x)->cell[0] != '\0' ? (x)->cell : NULL
    if (money->given &&
        far_from(money->value, std->county.special_funds_per_student_min,
                 100) &&
        jh_diags_add2(
            warn, PLACE(money), NULL,
            "%s（%s）为%s元，与标准的%s元相差百倍以上："
            "请核对单位（元，不是万元）",
            "%s (%s) is %s yuan, more than 100 times from the standard's %s "
            "yuan: implausible, check the unit (yuan, not 10,000 yuan)",
            jh_fact_key(JH_F_SPECIAL_FUNDS_PER_STUDENT),
            jh_fact_zh(JH_F_SPECIAL_FUNDS_PER_STUDENT),
            jh__fmt_general(money->value, 10, v, sizeof(v)),
            jh__fmt_general(std->county.special_funds_per_student_min, 10, r,
                            sizeof(r))) != JH_OK)
        return JH_ERR_NOMEM;
    if (salary->given &&
        far_from(salary->value, std->county.salary_ratio_min, 10) &&
        jh_diags_add2(
            warn, PLACE(salary), NULL,
            "%s（%s）为%s，与标准的%s相差十倍以上："
            "请填比值（如1.02，不是102）",
            "%s (%s) is %s, more than 10 times from the standard's %s: "
            "implausible, write the ratio (1.02, not 102)",
            jh_fact_key(JH_F_SALARY_RATIO), jh_fact_zh(JH_F_SALARY_RATIO),
            jh__fmt_general(salary->value, 10, v, sizeof(v)),
            jh__fmt_general(std->county.salary_ratio_min, 10, r, sizeof(r))) !=
            JH_OK)
        return JH_ERR_NOMEM;
    if (diff->given && diff->value > 1 &&
        jh_diags_add2(warn, PLACE(diff), NULL,
                      "%s（%s）为%s，大于1：差异率应填小数（如0.12）",
                      "%s (%s) is %s, more than 1: implausible, a "
                      "difference rate is written 0.12",
                      jh_fact_key(JH_F_MONITORING_DIFFERENCE),
                      jh_fact_zh(JH_F_MONITORING_DIFFERENCE),
                      jh__fmt_general(diff->value, 10, v, sizeof(v))) != JH_OK)
        return JH_ERR_NOMEM;
#undef PLACE
    return JH_OK;
}

/* ---- the evaluation ------------------------------------------------------ */

void
jh_evaluation_free(jh_evaluation *ev)
{
    if (ev == NULL)
        return;
    jh_guarantee_free(ev->guarantee);
    free(ev->items);
    free(ev->missing);
    free(ev->contradictions);
    free(ev->small);
    free(ev);
}

jh_status
jh_evaluate(jh_evaluation **out, const jh_analysis *a, const jh_facts *f,
            jh_diags *warn, jh_error *err)
{
    const jh_standard *std = a->standard;
    const jh_county *c = a->model->county;
    builder b;
    jh_evaluation *ev;
    jh_status st;

    if (!std->guarantee.defined || !std->county.defined)
        return jh_error_set2(err, JH_ERR_ARG, NULL, 0, 0,
                             "标准“%s”没有[guarantee]和[county]两节，不能评估"
                             "整个县（区）：请使用quality-2017或以它为基础的"
                             "标准文件",
                             "standard '%s' has no [guarantee] and [county] "
                             "sections: it cannot evaluate a whole county "
                             "(use quality-2017 or a file based on it)",
                             std->id);
    ev = calloc(1, sizeof(*ev));
    if (ev == NULL)
        goto nomem;
    ev->analysis = a;
    ev->facts = f;
    ev->standard = std;
    ev->recognition = ev->parents_recognition = NAN;
    ev->items = calloc(NITEMS, sizeof(*ev->items));
    if (ev->items == NULL)
        goto nomem;
    st = jh_guarantee_run(&ev->guarantee, c, std, warn, err);
    if (st != JH_OK) {
        jh_evaluation_free(ev);
        return st;
    }
    b = (builder){ev, f, std, NULL};
    if (!small_schools(&b) || plausibility(f, std, warn) != JH_OK)
        goto nomem;
    resources_items(&b);
    guarantee_items(&b);
    if (quality_items(&b, warn) != JH_OK || recognition_item(&b, warn) != JH_OK)
        goto nomem;
    yes_item(&b, "veto_exam_admission", JH_F_VETO_EXAM_ADMISSION, JH_CMP_NO);
    yes_item(&b, "veto_school_choice", JH_F_VETO_SCHOOL_CHOICE, JH_CMP_NO);
    yes_item(&b, "veto_key_schools", JH_F_VETO_KEY_SCHOOLS, JH_CMP_NO);
    yes_item(&b, "veto_unfilled_posts", JH_F_VETO_UNFILLED_POSTS, JH_CMP_NO);
    yes_item(&b, "veto_major_incident", JH_F_VETO_MAJOR_INCIDENT, JH_CMP_NO);
    yes_item(&b, "veto_falsification", JH_F_VETO_FALSIFICATION, JH_CMP_NO);

    /* Parts, then the county: any failure (or a veto) fails it; else any
     * incomplete item leaves it incomplete. */
    for (int p = 0; p < JH_PART_COUNT; p++) {
        bool fail = false, incomplete = false;
        for (size_t i = 0; i < ev->nitems; i++) {
            if (ev->items[i].part != (jh_part)p)
                continue;
            fail = fail || ev->items[i].verdict == JH_V_FAIL;
            incomplete = incomplete || ev->items[i].verdict == JH_V_INCOMPLETE;
        }
        ev->part[p] = fail         ? JH_V_FAIL
                      : incomplete ? JH_V_INCOMPLETE
                                   : JH_V_PASS;
    }
    ev->verdict = JH_V_PASS;
    for (int p = 0; p < JH_PART_COUNT; p++) {
        if (ev->part[p] == JH_V_FAIL)
            ev->verdict = JH_V_FAIL;
        else if (ev->part[p] == JH_V_INCOMPLETE && ev->verdict == JH_V_PASS)
            ev->verdict = JH_V_INCOMPLETE;
    }
    table1_compute(&ev->table1, c, std, f);
    if (!collect_missing(ev) || !contradictions(ev))
        goto nomem;
    *out = ev;
    return JH_OK;

nomem:
    jh_evaluation_free(ev);
    return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                         "out of memory");
}
