/* junheng - the columns of the input template: headers, units, kinds,
 * hints, groups and who reads each, and the words that say so. */
#include "template_columns.h"

#include <stdio.h>
#include <string.h>

#include "junheng/school.h"
#include "standard_text.h"

const char *const jh__tpl_group_zh[G_COUNT] = {"一、学校基本信息",
                                               "二、在校生、班级和年级",
                                               "三、教师（按学段）",
                                               "四、校舍和设备（全校合计）",
                                               "五、政府保障程度（学校层面）",
                                               "六、2019年放宽条款（选填）",
                                               "七、其他"};
const char *const jh__tpl_group_en[G_COUNT] = {
    "1. The school",
    "2. Pupils, classes and grades",
    "3. Teachers (per section)",
    "4. Buildings and equipment (whole school)",
    "5. Government guarantee (school items)",
    "6. 2019 relaxations (optional)",
    "7. Other"};

#define Q(q) NULL, NULL, (q)
#define GUAR_ZH(x) "政府保障程度：" x "（junheng analyze 保障程度表、evaluate）"
#define GUAR_EN(x)                                                             \
    "government guarantee: " x " (analyze's guarantee sheet, evaluate)"

/* The data sheet, left to right.  The number columns are contiguous, from
 * FIRST_NUMBER on, in the order of the example values below. */
const tcol jh__tpl_columns[] = {
    {"学校代码", "code", -1, -1, NULL, NULL, K_TEXT, 0, 13,
     "学校标识码，每校唯一。按文本填写，保留开头的0。",
     "School code, unique. Kept as text (leading zeros stay).", G_SCHOOL, U_KEY,
     "学校信息", "the school", "学校标识码，每校唯一，按文本填写。",
     "School code, unique, kept as text."},
    {"学校名称", "name", -1, -1, NULL, NULL, K_TEXT, 0, 26,
     "学校全称。教学点也单独成行。", "Full name; teaching points get rows too.",
     G_SCHOOL, U_KEY, "学校信息", "the school", "学校全称。",
     "Full school name."},
    {"学校类型", "type", -1, -1, NULL, NULL, K_LIST, L_TYPE, 16,
     "从下拉列表选择。特殊教育学校和职业学校只登记，不参与计算。",
     "Pick from the list. Special and vocational schools are listed but not "
     "evaluated.",
     G_SCHOOL, U_KEY, "学校信息", "the school",
     "小学、初中、九年一贯制学校、完全中学、十二年一贯制学校、教学点、"
     "特殊教育学校或职业学校。",
     "primary, junior, nine_year, complete_secondary, twelve_year, "
     "teaching_point, special or vocational."},
    {"城乡类型", "locality", -1, -1, NULL, NULL, K_LIST, L_LOCALITY, 10,
     "城区、镇区或乡村。", "urban, town or rural.", G_SCHOOL, U_OPTIONAL,
     "报告分组；租借体育场地放宽只适用城区学校",
     "report groups; the leased-grounds relaxation is for urban schools",
     "城区、镇区或乡村。", "urban, town or rural."},
    {"举办者类型", "ownership", -1, -1, NULL, NULL, K_LIST, L_OWNERSHIP, 10,
     "公办或民办。", "public or private.", G_SCHOOL, U_OPTIONAL,
     "计算范围（民办学校）", "scope (private schools)",
     "公办或民办。民办学校是否参与计算按本省规定，用“纳入计算”控制。",
     "public or private. Whether private schools count depends on the "
     "province: use include."},
    /* ---- number columns from here (FIRST_NUMBER) ---- */
    {"在校生数", "students", -1, JH_LEVEL_PRIMARY, "人", "persons", K_INTEGER,
     0, 11, "小学在校生人数，没有填0。", "Primary pupils; 0 when none.",
     G_PUPILS, U_KEY, "所有指标的分母；学校规模",
     "every indicator; school size", "小学在校生数。所有学校都填，没有填0。",
     "Primary pupils. Every school fills it; 0 when none."},
    {"在校生数", "students", -1, JH_LEVEL_JUNIOR, "人", "persons", K_INTEGER, 0,
     11, "初中在校生人数，没有填0。", "Junior pupils; 0 when none.", G_PUPILS,
     U_KEY, "所有指标的分母；学校规模", "every indicator; school size",
     "初中在校生数。所有学校都填，没有填0。",
     "Junior pupils. Every school fills it; 0 when none."},
    {"在校生数", "students", -1, JH_LEVEL_SENIOR, "人", "persons", K_INTEGER, 0,
     11,
     "高中在校生人数（完全中学、十二年一贯制学校），用于分摊校舍设备；没有填0"
     "。",
     "Senior pupils (complete secondary, twelve-year); used for the split; 0 "
     "when none.",
     G_PUPILS, U_KEY, "合并学校分摊校舍设备", "the split of combined schools",
     "高中在校生数，完全中学和十二年一贯制学校用于分摊校舍设备。没有填0。",
     "Senior pupils of complete secondary and twelve-year schools, used to "
     "split buildings and equipment. 0 when none."},
    {"班级数", "classes", -1, JH_LEVEL_PRIMARY, "个", "classes", K_INTEGER, 0,
     9, "小学班级数。", "Primary classes.", G_PUPILS, U_GUARANTEE,
     GUAR_ZH("音乐、美术专用教室（每{g_classes_per_room}个班1间）"),
     GUAR_EN("music and art rooms (one per {g_classes_per_room} classes)"),
     "小学班级数。", "Primary classes."},
    {"班级数", "classes", -1, JH_LEVEL_JUNIOR, "个", "classes", K_INTEGER, 0, 9,
     "初中班级数。", "Junior classes.", G_PUPILS, U_GUARANTEE,
     GUAR_ZH("音乐、美术专用教室（每{g_classes_per_room}个班1间）"),
     GUAR_EN("music and art rooms (one per {g_classes_per_room} classes)"),
     "初中班级数。", "Junior classes."},
    {"年级数", "grades", -1, JH_LEVEL_PRIMARY, NULL, NULL, K_INTEGER, 0, 9,
     "小学开设的年级数（六三学制为6）。",
     "Primary grades taught (6 under the 6-3 system).", G_PUPILS, U_OPTIONAL,
     "报告的学校基本情况表（空白按六三学制6计）",
     "the school table of the report (blank: 6)",
     "小学开设的年级数。只开设低年级的村小、教学点填实际年级数；空白按六三学制"
     "的6计。",
     "Primary grades taught; village schools with only the first grades give "
     "their number. Blank counts as 6."},
    {"年级数", "grades", -1, JH_LEVEL_JUNIOR, NULL, NULL, K_INTEGER, 0, 9,
     "初中开设的年级数（六三学制为3）。",
     "Junior grades taught (3 under the 6-3 system).", G_PUPILS, U_OPTIONAL,
     "报告的学校基本情况表（空白按六三学制3计）",
     "the school table of the report (blank: 3)",
     "初中开设的年级数；空白按六三学制的3计。",
     "Junior grades taught. Blank counts as 3."},
    {Q(JH_Q_TEACHERS), JH_LEVEL_PRIMARY, "人", "persons", K_DECIMAL, 0, 11,
     "小学部专任教师人数。", "Primary full-time teachers.", G_TEACHERS,
     U_GUARANTEE, GUAR_ZH("教师持证上岗（持证教师的分母）"),
     GUAR_EN("certified teachers (the denominator)"),
     "小学部专任教师人数。有小学部的学校填写。",
     "Primary-section full-time teachers."},
    {Q(JH_Q_TEACHERS), JH_LEVEL_JUNIOR, "人", "persons", K_DECIMAL, 0, 11,
     "初中部专任教师人数。", "Junior full-time teachers.", G_TEACHERS,
     U_GUARANTEE, GUAR_ZH("教师持证上岗（持证教师的分母）"),
     GUAR_EN("certified teachers (the denominator)"),
     "初中部专任教师人数。有初中部的学校填写。",
     "Junior-section full-time teachers."},
    {Q(JH_Q_DEGREE_TEACHERS), JH_LEVEL_PRIMARY, "人", "persons", K_DECIMAL, 0,
     12, "小学部专任教师中专科及以上学历人数。",
     "Primary full-time teachers with a college degree or higher.", G_TEACHERS,
     0, NULL, NULL,
     "小学部专任教师中高于规定学历（专科及以上）的人数。有小学部的学校填写。",
     "Primary-section full-time teachers above the required degree (college "
     "or higher)."},
    {Q(JH_Q_DEGREE_TEACHERS), JH_LEVEL_JUNIOR, "人", "persons", K_DECIMAL, 0,
     12, "初中部专任教师中本科及以上学历人数。",
     "Junior full-time teachers with a bachelor's degree or higher.",
     G_TEACHERS, 0, NULL, NULL,
     "初中部专任教师中高于规定学历（本科及以上）的人数。有初中部的学校填写。",
     "Junior-section full-time teachers above the required degree "
     "(bachelor's or higher)."},
    {Q(JH_Q_BACKBONE_TEACHERS), JH_LEVEL_PRIMARY, "人", "persons", K_DECIMAL, 0,
     12, "小学部县级及以上骨干教师人数。",
     "Primary county-level or higher backbone teachers.", G_TEACHERS, 0, NULL,
     NULL, "小学部县级及以上骨干教师人数。",
     "Primary-section county-level or higher backbone teachers."},
    {Q(JH_Q_BACKBONE_TEACHERS), JH_LEVEL_JUNIOR, "人", "persons", K_DECIMAL, 0,
     12, "初中部县级及以上骨干教师人数。",
     "Junior county-level or higher backbone teachers.", G_TEACHERS, 0, NULL,
     NULL, "初中部县级及以上骨干教师人数。",
     "Junior-section county-level or higher backbone teachers."},
    {Q(JH_Q_PE_ART_TEACHERS), JH_LEVEL_PRIMARY, "人", "persons", K_DECIMAL, 0,
     12, "小学部体育、音乐、美术专任教师人数。",
     "Primary full-time PE, music and art teachers.", G_TEACHERS, 0, NULL, NULL,
     "小学部体育、艺术（音乐、美术）专任教师人数。",
     "Primary-section full-time PE, music and art teachers."},
    {Q(JH_Q_PE_ART_TEACHERS), JH_LEVEL_JUNIOR, "人", "persons", K_DECIMAL, 0,
     12, "初中部体育、音乐、美术专任教师人数。",
     "Junior full-time PE, music and art teachers.", G_TEACHERS, 0, NULL, NULL,
     "初中部体育、艺术（音乐、美术）专任教师人数。",
     "Junior-section full-time PE, music and art teachers."},
    {Q(JH_Q_SENIOR_TITLE_TEACHERS), JH_LEVEL_PRIMARY, "人", "persons",
     K_DECIMAL, 0, 14, "小学部中级及以上专业技术职务教师人数。",
     "Primary teachers with intermediate or senior titles.", G_TEACHERS, 0,
     NULL, NULL, "小学部中级及以上专业技术职务（职称）专任教师人数。",
     "Primary-section teachers with intermediate or senior titles."},
    {Q(JH_Q_SENIOR_TITLE_TEACHERS), JH_LEVEL_JUNIOR, "人", "persons", K_DECIMAL,
     0, 14, "初中部中级及以上专业技术职务教师人数。",
     "Junior teachers with intermediate or senior titles.", G_TEACHERS, 0, NULL,
     NULL, "初中部中级及以上专业技术职务（职称）专任教师人数。",
     "Junior-section teachers with intermediate or senior titles."},
    {Q(JH_Q_TEACHING_AREA), -1, "平方米", "m2", K_DECIMAL, 0, 14,
     "全校教学及辅助用房面积（含室内体育用房）。",
     "Whole school; includes indoor sports rooms.", G_BUILDINGS, 0, NULL, NULL,
     "全校教学及辅助用房面积（平方米），统计口径含室内体育用房。",
     "Whole-school teaching and auxiliary floor area (m2), indoor sports rooms "
     "included."},
    {Q(JH_Q_INDOOR_SPORTS_AREA), -1, "平方米", "m2", K_DECIMAL, 0, 13,
     "上一列中室内体育用房的面积；没有填0。",
     "Indoor sports rooms within the teaching area; 0 when none.", G_BUILDINGS,
     U_OPTIONAL, "从教学用房移入体育场馆面积（--subtract-indoor-sports）",
     "moved to the sports area (--subtract-indoor-sports)",
     "其中室内体育用房面积（平方米）。按本县规定可从教学用房中扣除、计入体育"
     "场馆面积（junheng analyze --subtract-indoor-sports）。没有填0。",
     "Of which indoor sports rooms (m2); moved to the sports area with "
     "junheng analyze --subtract-indoor-sports. 0 when none."},
    {Q(JH_Q_SPORTS_AREA), -1, "平方米", "m2", K_DECIMAL, 0, 14,
     "全校体育场地及场馆面积。", "Whole school: grounds and gymnasiums.",
     G_BUILDINGS, 0, NULL, NULL, "全校体育运动场馆面积（平方米）。",
     "Whole-school sports grounds and gymnasiums (m2)."},
    {Q(JH_Q_EQUIPMENT_VALUE), -1, "万元", "10k yuan", K_DECIMAL, 0, 13,
     "全校教学仪器设备资产值，单位万元（如 125.50）。",
     "Whole school, in 10,000 yuan (e.g. 125.50).", G_BUILDINGS, 0, NULL, NULL,
     "全校教学仪器设备值，单位万元。",
     "Whole-school teaching equipment value, in 10,000 yuan."},
    {Q(JH_Q_MULTIMEDIA_ROOMS), -1, "间", "rooms", K_DECIMAL, 0, 12,
     "全校网络多媒体教室间数。", "Whole school: networked multimedia rooms.",
     G_BUILDINGS, 0, NULL, NULL, "全校网络多媒体教室间数。",
     "Whole-school networked multimedia classrooms."},
    {Q(JH_Q_COMPUTERS), -1, "台", "units", K_DECIMAL, 0, 11, "全校计算机台数。",
     "Whole school: computers.", G_BUILDINGS, 0, NULL, NULL, "全校计算机台数。",
     "Whole-school computers."},
    {Q(JH_Q_BOOKS), -1, "册", "volumes", K_DECIMAL, 0, 11, "全校图书册数。",
     "Whole school: books.", G_BUILDINGS, 0, NULL, NULL, "全校图书册数。",
     "Whole-school library books."},
    {Q(JH_Q_LARGEST_CLASS), JH_LEVEL_PRIMARY, "人", "persons", K_INTEGER, 0, 11,
     "小学人数最多的一个班的人数。", "Pupils in the largest primary class.",
     G_GUARANTEE, U_GUARANTEE, GUAR_ZH("小学班额不超过标准"),
     GUAR_EN("primary class size"), "小学人数最多的一个班的学生数。",
     "Pupils in the school's largest primary class."},
    {Q(JH_Q_LARGEST_CLASS), JH_LEVEL_JUNIOR, "人", "persons", K_INTEGER, 0, 11,
     "初中人数最多的一个班的人数。", "Pupils in the largest junior class.",
     G_GUARANTEE, U_GUARANTEE, GUAR_ZH("初中班额不超过标准"),
     GUAR_EN("junior class size"), "初中人数最多的一个班的学生数。",
     "Pupils in the school's largest junior class."},
    {Q(JH_Q_MUSIC_ROOMS), -1, "间", "rooms", K_INTEGER, 0, 11,
     "全校音乐专用教室间数。", "Whole school: music rooms.", G_GUARANTEE,
     U_GUARANTEE, GUAR_ZH("音乐专用教室（每{g_classes_per_room}个班1间）"),
     GUAR_EN("music rooms (one per {g_classes_per_room} classes)"),
     "全校音乐专用教室间数。", "Whole-school music rooms."},
    {Q(JH_Q_ART_ROOMS), -1, "间", "rooms", K_INTEGER, 0, 11,
     "全校美术专用教室间数。", "Whole school: art rooms.", G_GUARANTEE,
     U_GUARANTEE, GUAR_ZH("美术专用教室（每{g_classes_per_art_room}个班1间）"),
     GUAR_EN("art rooms (one per {g_classes_per_art_room} classes)"),
     "全校美术专用教室间数。", "Whole-school art rooms."},
    {Q(JH_Q_MUSIC_ROOM_MIN_AREA), -1, "平方米", "m2", K_DECIMAL, 0, 12,
     "面积最小的一间音乐专用教室的面积。", "Area of the smallest music room.",
     G_GUARANTEE, U_GUARANTEE, GUAR_ZH("音乐专用教室面积"),
     GUAR_EN("music room area"),
     "面积最小的一间音乐专用教室的使用面积（平方米）。没有音乐教室的学校留空。",
     "Floor area of the smallest music room (m2); blank when there is none."},
    {Q(JH_Q_ART_ROOM_MIN_AREA), -1, "平方米", "m2", K_DECIMAL, 0, 12,
     "面积最小的一间美术专用教室的面积。", "Area of the smallest art room.",
     G_GUARANTEE, U_GUARANTEE, GUAR_ZH("美术专用教室面积"),
     GUAR_EN("art room area"),
     "面积最小的一间美术专用教室的使用面积（平方米）。没有美术教室的学校留空。",
     "Floor area of the smallest art room (m2); blank when there is none."},
    {Q(JH_Q_CERTIFIED_TEACHERS), JH_LEVEL_PRIMARY, "人", "persons", K_DECIMAL,
     0, 12, "小学部持有教师资格证的专任教师人数。",
     "Primary full-time teachers holding a teacher's certificate.", G_GUARANTEE,
     U_GUARANTEE, GUAR_ZH("教师持证上岗"), GUAR_EN("certified teachers"),
     "小学部持有教师资格证的专任教师人数，不超过小学专任教师数。",
     "Primary-section full-time teachers holding a teacher's certificate."},
    {Q(JH_Q_CERTIFIED_TEACHERS), JH_LEVEL_JUNIOR, "人", "persons", K_DECIMAL, 0,
     12, "初中部持有教师资格证的专任教师人数。",
     "Junior full-time teachers holding a teacher's certificate.", G_GUARANTEE,
     U_GUARANTEE, GUAR_ZH("教师持证上岗"), GUAR_EN("certified teachers"),
     "初中部持有教师资格证的专任教师人数，不超过初中专任教师数。",
     "Junior-section full-time teachers holding a teacher's certificate."},
    {Q(JH_Q_TRAINING_FUNDS), -1, "元", "yuan", K_DECIMAL, 0, 13,
     "全校上一年度教师培训经费，单位元。",
     "Whole school: teacher training funds last year, in yuan.", G_GUARANTEE,
     U_GUARANTEE, GUAR_ZH("教师培训经费不低于公用经费的{g_training_funds}%"),
     GUAR_EN("training funds at least {g_training_funds}% of public funds"),
     "全校年度教师培训经费（元）。",
     "Whole-school teacher training funds for the year (yuan)."},
    {Q(JH_Q_PUBLIC_FUNDS), -1, "元", "yuan", K_DECIMAL, 0, 13,
     "全校年度公用经费预算，单位元。",
     "Whole school: the year's public-funds budget, in yuan.", G_GUARANTEE,
     U_GUARANTEE, GUAR_ZH("教师培训经费占公用经费的比例"),
     GUAR_EN("training funds share of public funds"),
     "全校年度公用经费预算（元）。",
     "Whole-school public-funds budget for the year (yuan)."},
    {Q(JH_Q_PE_ART_PARTTIME), JH_LEVEL_PRIMARY, "人", "persons", K_DECIMAL, 0,
     13, "小学部走教、兼职体育艺术教师人数（选填）。",
     "Primary rotating and part-time PE/art teachers (optional).", G_RELAX,
     U_OPTIONAL, "放宽条款 relax_2019_pe_art_parttime（乡村小规模学校）",
     "provision relax_2019_pe_art_parttime (small rural schools)",
     "小学部走教、兼职的体育艺术教师人数。启用放宽条款时计入乡村小规模学校的体"
     "育艺术教师。",
     "Primary rotating and part-time PE/art teachers, counted for small rural "
     "schools under the 2019 relaxation."},
    {Q(JH_Q_PE_ART_PARTTIME), JH_LEVEL_JUNIOR, "人", "persons", K_DECIMAL, 0,
     13, "初中部走教、兼职体育艺术教师人数（选填）。",
     "Junior rotating and part-time PE/art teachers (optional).", G_RELAX,
     U_OPTIONAL, "放宽条款 relax_2019_pe_art_parttime（乡村小规模学校）",
     "provision relax_2019_pe_art_parttime (small rural schools)",
     "初中部走教、兼职的体育艺术教师人数。",
     "Junior rotating and part-time PE/art teachers."},
    {Q(JH_Q_LEASED_SPORTS_AREA), -1, "平方米", "m2", K_DECIMAL, 0, 13,
     "租借的步行10分钟内体育场地面积（选填）。",
     "Leased sports grounds within a 10-minute walk (optional).", G_RELAX,
     U_OPTIONAL, "放宽条款 relax_2019_leased_sports（城区学校）",
     "provision relax_2019_leased_sports (urban schools)",
     "城区学校租借的、步行10分钟内的体育场地面积（平方米）。",
     "Leased sports grounds of urban schools within a 10-minute walk (m2)."},
    /* ---- text columns again ---- */
    {"专用教室2016年前建成", "rooms_pre2016", -1, -1, NULL, NULL, K_LIST,
     L_INCLUDE, 12, "音乐、美术专用教室2016年前建成的选“是”（选填）。",
     "yes when the music and art rooms were built before 2016 (optional).",
     G_RELAX, U_OPTIONAL, "放宽条款 relax_2019_rooms_pre2016（专用教室面积）",
     "provision relax_2019_rooms_pre2016 (room areas)",
     "是：音乐、美术专用教室2016年前建成，启用放宽条款时面积按较低标准。",
     "yes: the music and art rooms were built before 2016 (smaller limits "
     "under the relaxation)."},
    {"规模放宽适用", "size_relaxation_eligible", -1, -1, NULL, NULL, K_LIST,
     L_INCLUDE, 12, "适用2019年学校规模放宽的选“是”（选填）。",
     "yes when the 2019 school-size relaxation applies (optional).", G_RELAX,
     U_OPTIONAL, "放宽条款 relax_2019_school_size（学校规模）",
     "provision relax_2019_school_size (school size)",
     "是：2010年前规划或随迁子女过半，适用2019年学校规模放宽。",
     "yes: planned before 2010 or more than half migrant children (the 2019 "
     "school-size relaxation)."},
    {"所属学校代码", "parent_code", -1, -1, NULL, NULL, K_TEXT, 0, 13,
     "教学点填所属学校的学校代码；其他学校留空。",
     "Teaching points: the code of their school; others leave it blank.",
     G_OTHER, U_OPTIONAL, "教学点归属", "teaching points",
     "教学点填所属学校的学校代码，其他学校留空。",
     "Teaching points: the code of the school they belong to; others blank."},
    {"纳入计算", "include", -1, -1, NULL, NULL, K_LIST, L_INCLUDE, 9,
     "是：参与计算；否：登记但不参与计算。",
     "yes: evaluated; no: listed but left out.", G_OTHER, U_OPTIONAL,
     "计算范围", "scope", "是（或空白）：参与计算；否：登记但不参与计算。",
     "yes (or blank): evaluated; no: listed but left out."},
    {"县区", "county", -1, -1, NULL, NULL, K_TEXT, 0, 10,
     "县（市、区）名称，用于报告标题。", "County name, for report titles.",
     G_OTHER, U_OPTIONAL, "报告标题", "report titles",
     "县（市、区）名称（选填），用于报告标题。",
     "County name (optional), for report titles."},
};
#undef Q

_Static_assert(sizeof(jh__tpl_columns) / sizeof(jh__tpl_columns[0]) == NCOLS,
               "NCOLS counts the columns");

static const char *const level_zh[3] = {"小学", "初中", "高中"};

/* True when standard @p std needs column @p c: the school's identity and
 * pupils, the numerators of its indicators, and the guarantee checks'
 * columns when it has a [guarantee] section. */
bool
jh__tpl_column_required(const tcol *c, const jh_standard *std)
{
    if (c->use & U_KEY)
        return true;
    if ((c->use & U_GUARANTEE) && std->guarantee.defined)
        return true;
    if (c->quantity < 0 || (c->use & U_OPTIONAL))
        return false;
    for (size_t i = 0; i < std->nindicators; i++) {
        if ((int)std->indicators[i].quantity == c->quantity)
            return true;
    }
    return false;
}

/* Append to @p buf (of @p size, NUL-terminated) the indicators of @p std
 * computed from column @p c, as "ID 指标：名称、名称". */
static void
append_indicators(const tcol *c, const jh_standard *std, bool en, char *buf,
                  size_t size)
{
    bool first = true;
    size_t len;

    for (size_t i = 0; i < std->nindicators && c->quantity >= 0; i++) {
        const jh_indicator *ind = &std->indicators[i];
        if ((int)ind->quantity != c->quantity)
            continue;
        len = strlen(buf);
        if (first)
            snprintf(buf + len, size - len, "%s%s %s%s",
                     len > 0 ? (en ? "; " : "；") : "", std->id,
                     en ? "indicator " : "指标：",
                     en ? ind->name_en : ind->name_zh);
        else
            snprintf(buf + len, size - len, "%s%s", en ? ", " : "、",
                     en ? ind->name_en : ind->name_zh);
        first = false;
    }
}

/* What reads column @p c: the indicators of every built-in standard (and of
 * @p std when it comes from a file), then the column's other uses. */
void
jh__tpl_column_use(const tcol *c, const jh_standard *std, bool en, char *buf,
                   size_t size)
{
    const char *other = en ? c->use_en : c->use_zh;
    /* the limits the other uses state: the standard's, or the default
     * one's when it has no [guarantee] (the checks read the column all the
     * same) */
    const jh_standard *limits =
        std->guarantee.defined ? std : jh_standard_builtin(NULL);
    char filled[512];
    size_t len;

    buf[0] = '\0';
    if (std->file[0] != '\0')
        append_indicators(c, std, en, buf, size);
    for (size_t k = 0; k < jh_standard_builtin_count(); k++) {
        const jh_standard *b = jh_standard_builtin(jh_standard_builtin_id(k));
        if (b != NULL)
            append_indicators(c, b, en, buf, size);
    }
    len = strlen(buf);
    if (other != NULL)
        snprintf(buf + len, size - len, "%s%s",
                 len > 0 ? (en ? "; " : "；") : "",
                 jh__rule_text(limits != NULL ? limits : std, other, filled,
                               sizeof(filled)));
}

/* The header of column @p c in the template's language. */
void
jh__tpl_header_of(const tcol *c, jh_lang lang, char *buf, size_t size)
{
    const char *base;
    const char *unit = lang == JH_LANG_EN ? c->unit_en : c->unit_zh;
    char name[128];

    if (lang == JH_LANG_EN) {
        base =
            c->en != NULL ? c->en : jh_quantity_key((jh_quantity)c->quantity);
        if (c->level >= 0)
            snprintf(name, sizeof(name), "%s_%s", base,
                     jh_level_key((jh_level)c->level));
        else
            snprintf(name, sizeof(name), "%s", base);
        if (unit != NULL)
            snprintf(buf, size, "%s (%s)", name, unit);
        else
            snprintf(buf, size, "%s", name);
        return;
    }
    base = c->zh != NULL ? c->zh : jh_quantity_zh((jh_quantity)c->quantity);
    snprintf(name, sizeof(name), "%s%s",
             c->level >= 0 ? level_zh[c->level] : "", base);
    if (unit != NULL)
        snprintf(buf, size, "%s(%s)", name, unit);
    else
        snprintf(buf, size, "%s", name);
}
