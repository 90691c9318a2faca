/*
 * junheng - the vocabulary of the county evaluation
 * (include/junheng/items.h): the facts a county states with their keys,
 * names, kinds and aliases; the parts, verdicts, comparisons, units and
 * sources of 表Ⅰ by name.  One table each; nothing here judges.
 */
#include "junheng/items.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

/* ---- the facts ---------------------------------------------------------- */

static const struct {
    const char *key;
    const char *zh;
    const char *en;
    jh_fact_kind kind;
    const char *aliases[3];
} facts[JH_F_COUNT] = {
    {"planning_layout",
     "义务教育学校规划布局合理",
     "School planning and layout are sound",
     JH_FK_YESNO,
     {"规划布局合理", "规划布局", NULL}},
    {"unified_standards",
     "县级政府制定学校办学标准且所有学校达到",
     "The county sets school standards and every school meets them",
     JH_FK_YESNO,
     {"办学标准", "制定办学标准", NULL}},
    {"special_funds_per_student",
     "特殊教育学校生均公用经费",
     "Special-education public funds per student (yuan)",
     JH_FK_NUMBER,
     {"特教生均公用经费", NULL, NULL}},
    {"salary_ratio",
     "教师平均工资收入与当地公务员平均工资收入之比",
     "Teachers' average pay / civil servants' average pay",
     JH_FK_NUMBER,
     {"教师工资与公务员工资之比", "教师工资收入比", NULL}},
    {"training_completion",
     "教师5年360学时培训完成率",
     "Teachers completing 360 training hours in 5 years",
     JH_FK_SHARE,
     {"360学时培训完成率", "培训完成率", NULL}},
    {"staffing_allocation",
     "县级统筹分配各校教职工编制和岗位",
     "The county allocates staff posts to schools",
     JH_FK_YESNO,
     {"统筹分配编制", "编制岗位统筹", NULL}},
    {"rotation_share",
     "交流轮岗教师比例",
     "Teachers rotated (share of those eligible)",
     JH_FK_SHARE,
     {"教师交流轮岗比例", "交流轮岗比例", NULL}},
    {"rotation_backbone_share",
     "交流轮岗教师中骨干教师比例",
     "Backbone teachers among those rotated",
     JH_FK_SHARE,
     {"骨干教师交流比例", "轮岗骨干教师比例", NULL}},
    {"nearby_urban_primary",
     "城区公办小学就近划片入学比例",
     "Nearby enrollment, urban public primary schools",
     JH_FK_SHARE,
     {NULL, NULL, NULL}},
    {"nearby_town_primary",
     "镇区公办小学就近划片入学比例",
     "Nearby enrollment, town public primary schools",
     JH_FK_SHARE,
     {NULL, NULL, NULL}},
    {"nearby_urban_junior",
     "城区公办初中就近划片入学比例",
     "Nearby enrollment, urban public junior schools",
     JH_FK_SHARE,
     {NULL, NULL, NULL}},
    {"nearby_town_junior",
     "镇区公办初中就近划片入学比例",
     "Nearby enrollment, town public junior schools",
     JH_FK_SHARE,
     {NULL, NULL, NULL}},
    {"quality_places_share",
     "优质高中招生名额分配到初中比例",
     "Quality senior-high places allocated to junior schools",
     JH_FK_SHARE,
     {"优质高中招生名额分配比例", "名额分配比例", NULL}},
    {"migrant_public_share",
     "随迁子女在公办学校和政府购买服务的民办学校就读比例",
     "Migrant children in public (or publicly funded) schools",
     JH_FK_SHARE,
     {"随迁子女公办学校就读比例", "随迁子女就读比例", NULL}},
    {"junior_retention",
     "初中三年巩固率",
     "Junior three-year retention",
     JH_FK_SHARE,
     {"巩固率", NULL, NULL}},
    {"junior_entrants",
     "三年前初一入学人数",
     "Junior pupils entering three years ago",
     JH_FK_COUNT,
     {"初一入学人数", NULL, NULL}},
    {"junior_grade3",
     "现初三在校生数",
     "Junior grade-3 pupils now",
     JH_FK_COUNT,
     {"初三在校生数", "初三学生数", NULL}},
    {"disabled_enrollment",
     "残疾儿童少年入学率",
     "Enrollment of disabled children",
     JH_FK_SHARE,
     {"残疾儿童入学率", NULL, NULL}},
    {"charters_informatisation",
     "所有学校制定章程，实现管理与教学信息化",
     "Every school has a charter; management and teaching use IT",
     JH_FK_YESNO,
     {"学校章程", "章程与信息化", NULL}},
    {"it_teaching",
     "教师熟练运用信息化手段教学，设施设备利用率较高",
     "Teachers teach with IT; equipment is well used",
     JH_FK_YESNO,
     {"信息化教学", NULL, NULL}},
    {"moral_education",
     "德育工作、校园文化建设水平达到良好以上",
     "Moral education and school culture at least good",
     JH_FK_YESNO,
     {"德育工作", "德育", NULL}},
    {"curriculum",
     "课程开齐开足，教学秩序规范，综合实践活动有效开展",
     "Full curriculum, orderly teaching, practical activities",
     JH_FK_YESNO,
     {"课程开齐开足", "课程", NULL}},
    {"homework_burden",
     "无过重课业负担",
     "No excessive homework burden",
     JH_FK_YESNO,
     {"课业负担", NULL, NULL}},
    {"monitoring_level",
     "国家义务教育质量监测学业水平",
     "National quality monitoring: attainment level",
     JH_FK_LEVEL,
     {"质量监测学业水平", "学业水平", NULL}},
    {"monitoring_difference",
     "国家义务教育质量监测校际差异率",
     "National quality monitoring: inter-school difference rate",
     JH_FK_NUMBER,
     {"校际差异率", "质量监测校际差异率", NULL}},
    {"questionnaires_issued",
     "发放问卷数",
     "Questionnaires issued",
     JH_FK_COUNT,
     {"问卷发放数", NULL, NULL}},
    {"questionnaires_valid",
     "有效问卷数",
     "Valid questionnaires",
     JH_FK_COUNT,
     {NULL, NULL, NULL}},
    {"questionnaires_satisfied",
     "满意问卷数",
     "Satisfied questionnaires",
     JH_FK_COUNT,
     {"认可问卷数", NULL, NULL}},
    {"visits",
     "走访人数",
     "People visited",
     JH_FK_COUNT,
     {"实地走访人数", NULL, NULL}},
    {"visits_satisfied",
     "走访满意人数",
     "People visited who are satisfied",
     JH_FK_COUNT,
     {"走访认可人数", NULL, NULL}},
    {"parents_valid",
     "家长有效问卷数",
     "Valid questionnaires of parents",
     JH_FK_COUNT,
     {NULL, NULL, NULL}},
    {"parents_satisfied",
     "家长满意问卷数",
     "Satisfied questionnaires of parents",
     JH_FK_COUNT,
     {"家长认可问卷数", NULL, NULL}},
    {"veto_exam_admission",
     "以考试方式招生",
     "Admission by examination",
     JH_FK_YESNO,
     {NULL, NULL, NULL}},
    {"veto_school_choice",
     "违规择校",
     "School choice against the rules",
     JH_FK_YESNO,
     {"违规择校行为", NULL, NULL}},
    {"veto_key_schools",
     "设置重点学校或重点班",
     "Key schools or key classes",
     JH_FK_YESNO,
     {"重点学校或重点班", NULL, NULL}},
    {"veto_unfilled_posts",
     "“有编不补”或长期聘用编外教师",
     "Posts left unfilled, or long-term teachers outside the posts",
     JH_FK_YESNO,
     {"有编不补", NULL, NULL}},
    {"veto_major_incident",
     "重大安全责任事故或严重违纪违规事件",
     "A major safety accident or serious breach of rules",
     JH_FK_YESNO,
     {"重大安全责任事故", NULL, NULL}},
    {"veto_falsification",
     "弄虚作假",
     "Falsified evaluation material",
     JH_FK_YESNO,
     {"弄虚作假行为", NULL, NULL}},
    {"schools_primary",
     "小学数",
     "Primary schools",
     JH_FK_COUNT,
     {"小学学校数", NULL, NULL}},
    {"schools_junior",
     "初中数",
     "Junior schools",
     JH_FK_COUNT,
     {"初中学校数", NULL, NULL}},
    {"schools_nine_year",
     "九年一贯制学校数",
     "Nine-year schools",
     JH_FK_COUNT,
     {NULL, NULL, NULL}},
    {"schools_twelve_year",
     "十二年一贯制学校数",
     "Twelve-year schools",
     JH_FK_COUNT,
     {NULL, NULL, NULL}},
    {"schools_complete_secondary",
     "完全中学数",
     "Complete secondary schools",
     JH_FK_COUNT,
     {NULL, NULL, NULL}},
    {"teaching_points",
     "教学点数",
     "Teaching points",
     JH_FK_COUNT,
     {NULL, NULL, NULL}},
    {"teaching_points_50plus",
     "在校生50人及以上教学点数",
     "Teaching points with 50 or more pupils",
     JH_FK_COUNT,
     {"50人及以上教学点数", NULL, NULL}},
    {"classes_primary",
     "小学班级数",
     "Primary classes",
     JH_FK_COUNT,
     {NULL, NULL, NULL}},
    {"classes_junior",
     "初中班级数",
     "Junior classes",
     JH_FK_COUNT,
     {NULL, NULL, NULL}},
    {"students_primary",
     "小学在校生数",
     "Primary pupils",
     JH_FK_COUNT,
     {NULL, NULL, NULL}},
    {"students_junior",
     "初中在校生数",
     "Junior pupils",
     JH_FK_COUNT,
     {NULL, NULL, NULL}},
    {"teachers_primary",
     "小学专任教师数",
     "Primary full-time teachers",
     JH_FK_COUNT,
     {NULL, NULL, NULL}},
    {"teachers_junior",
     "初中专任教师数",
     "Junior full-time teachers",
     JH_FK_COUNT,
     {NULL, NULL, NULL}},
};

const char *
jh_fact_key(jh_fact_id id)
{
    return (unsigned)id < JH_F_COUNT ? facts[id].key : "unknown";
}

const char *
jh_fact_zh(jh_fact_id id)
{
    return (unsigned)id < JH_F_COUNT ? facts[id].zh : "未知";
}

const char *
jh_fact_en(jh_fact_id id)
{
    return (unsigned)id < JH_F_COUNT ? facts[id].en : "unknown";
}

jh_fact_kind
jh_fact_kind_of(jh_fact_id id)
{
    return (unsigned)id < JH_F_COUNT ? facts[id].kind : JH_FK_NUMBER;
}

/* The fact named by @p text (an id, case-insensitive, or a Chinese name),
 * or -1. */
int
jh_fact_lookup(const char *text)
{
    for (int i = 0; i < JH_F_COUNT; i++) {
        if (strcasecmp(text, facts[i].key) == 0 ||
            strcmp(text, facts[i].zh) == 0)
            return i;
        for (int a = 0; a < 3 && facts[i].aliases[a] != NULL; a++) {
            if (strcmp(text, facts[i].aliases[a]) == 0)
                return i;
        }
    }
    return -1;
}

/* ---- names ----------------------------------------------------------------
 */

const char *
jh_part_key(jh_part p)
{
    static const char *const k[] = {"resources", "guarantee", "quality",
                                    "recognition", "veto"};
    return (unsigned)p < JH_PART_COUNT ? k[p] : "unknown";
}

const char *
jh_part_zh(jh_part p)
{
    static const char *const k[] = {"资源配置", "政府保障程度", "教育质量",
                                    "社会认可度", "一票否决"};
    return (unsigned)p < JH_PART_COUNT ? k[p] : "未知";
}

const char *
jh_part_en(jh_part p)
{
    static const char *const k[] = {"Resource allocation",
                                    "Government guarantee", "Education quality",
                                    "Social recognition", "One-vote veto"};
    return (unsigned)p < JH_PART_COUNT ? k[p] : "unknown";
}

const char *
jh_verdict_key(jh_verdict v)
{
    return v == JH_V_PASS ? "pass" : v == JH_V_FAIL ? "fail" : "incomplete";
}

const char *
jh_cmp_key(jh_cmp c)
{
    static const char *const k[] = {"min", "below", "yes", "no", "all", "info"};
    return (unsigned)c <= JH_CMP_INFO ? k[c] : "unknown";
}

const char *
jh_eunit_key(jh_eunit u)
{
    static const char *const k[] = {"share",  "ratio",   "yuan", "level",
                                    "yes_no", "schools", "items"};
    return (unsigned)u <= JH_EU_ITEMS ? k[u] : "unknown";
}

const char *
jh_t1_source_key(jh_t1_source source)
{
    return source == JH_T1_SCHOOLS ? "schools"
           : source == JH_T1_FACTS ? "facts"
                                   : "none";
}
