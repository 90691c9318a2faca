/* junheng - writing the input template with libxlsxwriter. */
#include "junheng/template.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "junheng/school.h"
#include "junheng/standard.h"
#include "sheet.h"
#include "standard_text.h"
#include "util.h"

/* ---- the columns ------------------------------------------------------- */

typedef enum col_kind {
    K_TEXT,    /* free text, with an input hint */
    K_LIST,    /* drop-down from the hidden list sheet */
    K_INTEGER, /* whole number ≥ 0 (pupils, classes: the importer says so) */
    K_DECIMAL  /* number ≥ 0 */
} col_kind;

/* Which list a drop-down column uses (a column of the hidden sheet). */
enum { L_TYPE, L_LOCALITY, L_OWNERSHIP, L_INCLUDE, L_COUNT };

/* Column groups, in the order of the sheet and of the 说明 sheet. */
enum {
    G_SCHOOL,
    G_PUPILS,
    G_TEACHERS,
    G_BUILDINGS,
    G_GUARANTEE,
    G_RELAX,
    G_OTHER,
    G_COUNT
};

static const char *const group_zh[G_COUNT] = {"一、学校基本信息",
                                              "二、在校生、班级和年级",
                                              "三、教师（按学段）",
                                              "四、校舍和设备（全校合计）",
                                              "五、政府保障程度（学校层面）",
                                              "六、2019年放宽条款（选填）",
                                              "七、其他"};
static const char *const group_en[G_COUNT] = {
    "1. The school",
    "2. Pupils, classes and grades",
    "3. Teachers (per section)",
    "4. Buildings and equipment (whole school)",
    "5. Government guarantee (school items)",
    "6. 2019 relaxations (optional)",
    "7. Other"};

/* Who reads a column: whether it is required follows from the standard. */
enum {
    U_KEY = 1,       /* every command: always required */
    U_GUARANTEE = 2, /* the guarantee checks: required when the standard
                        has a [guarantee] section */
    U_OPTIONAL = 4   /* never required */
};

typedef struct tcol {
    const char *zh, *en; /* header without level and unit; NULL: quantity */
    int quantity;        /* jh_quantity for composed headers, else -1 */
    int level;           /* level prefix (小学…, _primary), or -1 */
    const char *unit_zh, *unit_en;
    col_kind kind;
    int list; /* for K_LIST */
    double width;
    const char *hint_zh, *hint_en; /* the input hint of the data sheet */
    int group;
    unsigned use;
    /* what reads it besides the standard's indicators (which are found in
     * the standard itself), or NULL */
    const char *use_zh, *use_en;
    const char *note_zh, *note_en; /* the 说明 sheet's explanation */
} tcol;

#define Q(q) NULL, NULL, (q)
#define GUAR_ZH(x) "政府保障程度：" x "（junheng analyze 保障程度表、evaluate）"
#define GUAR_EN(x)                                                             \
    "government guarantee: " x " (analyze's guarantee sheet, evaluate)"

/* The data sheet, left to right.  The number columns are contiguous, from
 * FIRST_NUMBER on, in the order of the example values below. */
static const tcol columns[] = {
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

#define NCOLS (sizeof(columns) / sizeof(columns[0]))
#define FIRST_NUMBER 5 /* columns[5] is the first number column */
#define NNUMBERS 37    /* number columns, FIRST_NUMBER .. FIRST_NUMBER+36 */
_Static_assert(NCOLS == FIRST_NUMBER + NNUMBERS + 5, "columns and examples");

/* ---- the examples ------------------------------------------------------ */

/* One realistic school per type; every value analyzes and passes the
 * checks.  Numbers in the order of the number columns: pupils (3), classes
 * (2), grades (2), teachers, degree, backbone, PE/art, titled (2 each),
 * buildings (7), largest class (2), rooms (2), room areas (2), certified
 * (2), training and public funds, part-time (2), leased grounds.  NAN
 * leaves the cell blank. */
typedef struct example {
    const char *code;
    const char *name_zh, *name_en;
    jh_school_type type;
    int locality; /* 0 城区, 1 镇区, 2 乡村 */
    bool private_school;
    const char *parent;
    double v[NNUMBERS];
} example;

#define B NAN
static const example examples[] = {
    {"3601020001",
     "城关第一小学（示例）",
     "City First Primary (example)",
     JH_TYPE_PRIMARY,
     0,
     false,
     NULL,
     {1200, 0, 0,  27, B,    6,   B,     70,      B,  66,  B,     18, B,
      14,   B, 40, B,  7200, 600, 12000, 300.00,  32, 150, 36000, 45, B,
      3,    3, 96, 90, 70,   B,   60000, 1000000, 0,  B,   0}},
    {"3601020002",
     "城关中学（示例）",
     "City Junior Middle (example)",
     JH_TYPE_JUNIOR,
     0,
     false,
     NULL,
     {0, 900, 0,   B,  20,   B,   3,     B,      60, B,   54,    B, 14,
      B, 11,  B,   35, 6300, 800, 11700, 288.00, 24, 120, 30000, B, 48,
      2, 2,   100, 92, B,    60,  50000, 800000, B,  0,   0}},
    {"3601020003",
     "石门九年一贯制学校（示例）",
     "Shimen Nine-year School (example)",
     JH_TYPE_NINE_YEAR,
     1,
     false,
     NULL,
     {600, 400, 0,  14, 9,    6,   3,     36,     28, 33,  25,    8,  6,
      7,   5,   20, 15, 6500, 400, 11000, 280.00, 26, 110, 30000, 44, 48,
      2,   2,   96, 90, 36,   28,  45000, 850000, 0,  0,   0}},
    {"3601020004",
     "县第一中学（示例）",
     "County No. 1 High (example)",
     JH_TYPE_COMPLETE_SECONDARY,
     0,
     false,
     NULL,
     {0, 1200, 1500, B,   24,    B,    3,      B,       82, B,   78,    B, 20,
      B, 15,   B,    50,  18000, 1500, 33000,  900.00,  80, 400, 90000, B, 50,
      2, 2,    110,  100, B,     82,   120000, 2000000, B,  0,   0}},
    {"3601020005",
     "外国语学校（示例）",
     "Foreign Language School (example)",
     JH_TYPE_TWELVE_YEAR,
     0,
     true,
     NULL,
     {500, 400, 300, 12, 9,    6,   3,     30,     26, 28,  24,    6,  5,
      6,   5,   16,  14, 9000, 500, 16000, 400.00, 35, 150, 40000, 42, 46,
      2,   2,   96,  90, 30,   26,  40000, 700000, 0,  0,   0}},
    {"3601020006",
     "石门镇枫树教学点（示例）",
     "Fengshu Teaching Point (example)",
     JH_TYPE_TEACHING_POINT,
     2,
     false,
     "3601020003",
     {56, 0, 0,  4,  B,   4, B,    5,     B, 3, B,    1,  B,
      1,  B, 2,  B,  420, 0, 900,  14.00, 2, 6, 1500, 18, B,
      1,  1, 60, 60, 5,   B, 3000, 65000, 1, B, 0}},
    {"3601020007",
     "特殊教育学校（示例）",
     "Special Education School (example)",
     JH_TYPE_SPECIAL,
     0,
     false,
     NULL,
     {60, 30, 0,  9,  3,    6,   3,     20,     10, 12, 6,    2,  1,
      2,  1,  8,  4,  2000, 300, 3000,  60.00,  10, 20, 5000, 12, 12,
      1,  1,  96, 90, 20,   10,  15000, 540000, 0,  0,  0}},
    {"3601020008",
     "职业中等专业学校（示例）",
     "Vocational School (example)",
     JH_TYPE_VOCATIONAL,
     0,
     false,
     NULL,
     {0, 0, 1200, B,   B,    B,   B,     B,       B,  B,   B,     B, B,
      B, B, B,    B,   9000, 600, 15000, 500.00,  40, 300, 60000, B, B,
      1, 1, 100,  100, B,    B,   80000, 1500000, B,  B,   0}},
};
#undef B

static const char *const locality_zh[3] = {"城区", "镇区", "乡村"};
static const char *const locality_en[3] = {"urban", "town", "rural"};
static const char *const level_zh[3] = {"小学", "初中", "高中"};

/* ---- writing ----------------------------------------------------------- */

/* Everything the writers share. */
typedef struct tpl {
    jh__book book; /* the workbook and its first error */
    jh_lang lang;
    const jh_standard *std; /* which columns are required */
    lxw_format *head, *head_req, *text, *wrap, *title, *bold_wrap;
} tpl;

/* True when standard @p std needs column @p c: the school's identity and
 * pupils, the numerators of its indicators, and the guarantee checks'
 * columns when it has a [guarantee] section. */
static bool
column_required(const tcol *c, const jh_standard *std)
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
static void
column_use(const tcol *c, const jh_standard *std, bool en, char *buf,
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
static void
header_of(const tcol *c, jh_lang lang, char *buf, size_t size)
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

/* The entries of list @p list in the template's language; returns count. */
static size_t
list_entries(int list, jh_lang lang, const char **out)
{
    bool en = lang == JH_LANG_EN;
    switch (list) {
    case L_TYPE:
        for (int t = 0; t < JH_TYPE_COUNT; t++)
            out[t] = en ? jh_school_type_key((jh_school_type)t)
                        : jh_school_type_zh((jh_school_type)t);
        return JH_TYPE_COUNT;
    case L_LOCALITY:
        for (int i = 0; i < 3; i++)
            out[i] = en ? locality_en[i] : locality_zh[i];
        return 3;
    case L_OWNERSHIP:
        out[0] = en ? "public" : "公办";
        out[1] = en ? "private" : "民办";
        return 2;
    case L_INCLUDE:
        out[0] = en ? "yes" : "是";
        out[1] = en ? "no" : "否";
        return 2;
    default:
        return 0;
    }
}

/* Write the hidden sheet of drop-down lists (one list per column). */
static lxw_error
write_lists(tpl *p)
{
    lxw_worksheet *ws = workbook_add_worksheet(p->book.wb, "lists");

    if (ws == NULL)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    for (int l = 0; l < L_COUNT && p->book.first == LXW_NO_ERROR; l++) {
        const char *items[JH_TYPE_COUNT];
        size_t n = list_entries(l, p->lang, items);
        for (size_t i = 0; i < n && p->book.first == LXW_NO_ERROR; i++)
            jh__cell_str(&p->book, ws, (lxw_row_t)i, (lxw_col_t)l, items[i],
                         NULL);
    }
    worksheet_hide(ws);
    return p->book.first;
}

/* Attach the validation and input hint of column @p j. */
static lxw_error
validate_column(tpl *p, lxw_worksheet *ws, size_t j)
{
    const tcol *c = &columns[j];
    lxw_data_validation dv;
    char title[64], formula[64];
    char letters[4] = {0};
    const char *items[JH_TYPE_COUNT];
    size_t n;

    memset(&dv, 0, sizeof(dv));
    header_of(c, p->lang, title, sizeof(title));
    /* Excel limits the title to 32 characters: the header without unit. */
    {
        char *paren = strchr(title, '(');
        if (paren != NULL && paren != title)
            *paren = '\0';
        jh__trim(title);
    }
    dv.input_title = title;
    dv.input_message =
        (char *)(p->lang == JH_LANG_EN ? c->hint_en : c->hint_zh);
    switch (c->kind) {
    case K_TEXT:
        dv.validate = LXW_VALIDATION_TYPE_ANY;
        break;
    case K_LIST:
        n = list_entries(c->list, p->lang, items);
        letters[0] = (char)('A' + c->list);
        snprintf(formula, sizeof(formula), "=lists!$%s$1:$%s$%zu", letters,
                 letters, n);
        dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        dv.value_formula = formula;
        dv.error_title =
            (char *)(p->lang == JH_LANG_EN ? "Not in the list" : "不在列表中");
        dv.error_message =
            (char *)(p->lang == JH_LANG_EN ? "Pick a value from the list."
                                           : "请从下拉列表中选择。");
        break;
    case K_INTEGER:
    case K_DECIMAL:
        dv.validate = c->kind == K_INTEGER ? LXW_VALIDATION_TYPE_INTEGER
                                           : LXW_VALIDATION_TYPE_DECIMAL;
        dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        dv.value_number = 0;
        dv.error_title =
            (char *)(p->lang == JH_LANG_EN ? "Not a number" : "不是有效数字");
        dv.error_message =
            (char *)(c->kind == K_INTEGER
                         ? (p->lang == JH_LANG_EN
                                ? "Enter a whole number, 0 or more."
                                : "请填写大于或等于0的整数。")
                         : (p->lang == JH_LANG_EN
                                ? "Enter a number, 0 or more, without units."
                                : "请填写大于或等于0的数字，不要带单位。"));
        break;
    }
    return worksheet_data_validation_range(ws, 1, (lxw_col_t)j,
                                           JH_TEMPLATE_ROWS, (lxw_col_t)j, &dv);
}

/* The text of column @p j for example @p x (NULL when it is a number). */
static const char *
example_text(const tpl *p, const example *x, size_t j, bool *blank)
{
    bool en = p->lang == JH_LANG_EN;

    *blank = false;
    switch (j) {
    case 0:
        return x->code;
    case 1:
        return en ? x->name_en : x->name_zh;
    case 2:
        return en ? jh_school_type_key(x->type) : jh_school_type_zh(x->type);
    case 3:
        return en ? locality_en[x->locality] : locality_zh[x->locality];
    case 4:
        return x->private_school ? (en ? "private" : "民办")
                                 : (en ? "public" : "公办");
    default:
        break;
    }
    if (j < FIRST_NUMBER + NNUMBERS)
        return NULL;
    if (strcmp(columns[j].en, "parent_code") == 0) {
        *blank = x->parent == NULL;
        return x->parent != NULL ? x->parent : "";
    }
    if (strcmp(columns[j].en, "include") == 0)
        return en ? "yes" : "是";
    if (strcmp(columns[j].en, "county") == 0)
        return en ? "Example County" : "示例县";
    return en ? "no" : "否"; /* the relaxation flags */
}

/* The comment on header cell @p j: required or optional, under which
 * standard, and what reads the column. */
static lxw_error
header_comment(tpl *p, lxw_worksheet *ws, size_t j)
{
    bool en = p->lang == JH_LANG_EN;
    const tcol *c = &columns[j];
    char use[1024], text[1400];

    column_use(c, p->std, en, use, sizeof(use));
    if (en)
        snprintf(text, sizeof(text), "%s (%s). %s. Used by: %s.",
                 column_required(c, p->std) ? "Required" : "Optional",
                 p->std->id, group_en[c->group], use);
    else
        snprintf(text, sizeof(text), "%s（%s 标准）。%s。用于：%s。",
                 column_required(c, p->std) ? "必填" : "选填", p->std->id,
                 group_zh[c->group], use);
    return worksheet_write_comment(ws, 0, (lxw_col_t)j, text);
}

/* The data sheet: header, example rows, validations, frozen panes. */
static lxw_error
write_data(tpl *p)
{
    lxw_worksheet *ws = workbook_add_worksheet(
        p->book.wb, p->lang == JH_LANG_EN ? "schools" : "学校数据");

    if (ws == NULL)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    jh__book_check(&p->book, worksheet_set_row(ws, 0, 48, NULL));
    for (size_t j = 0; j < NCOLS && p->book.first == LXW_NO_ERROR; j++) {
        char header[256];
        header_of(&columns[j], p->lang, header, sizeof(header));
        jh__book_check(
            &p->book,
            worksheet_set_column(
                ws, (lxw_col_t)j, (lxw_col_t)j, columns[j].width,
                columns[j].kind == K_TEXT || columns[j].kind == K_LIST ? p->text
                                                                       : NULL));
        if (p->book.first == LXW_NO_ERROR)
            jh__cell_str(&p->book, ws, 0, (lxw_col_t)j, header,
                         column_required(&columns[j], p->std) ? p->head_req
                                                              : p->head);
        if (p->book.first == LXW_NO_ERROR)
            jh__book_check(&p->book, header_comment(p, ws, j));
        if (p->book.first == LXW_NO_ERROR)
            jh__book_check(&p->book, validate_column(p, ws, j));
    }
    for (size_t i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
        const example *x = &examples[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        for (size_t j = 0; j < NCOLS && p->book.first == LXW_NO_ERROR; j++) {
            bool blank = false;
            const char *s = example_text(p, x, j, &blank);
            if (s != NULL) {
                if (!blank)
                    jh__cell_str(&p->book, ws, row, (lxw_col_t)j, s, p->text);
                continue;
            }
            if (!isnan(x->v[j - FIRST_NUMBER]))
                jh__book_check(&p->book, worksheet_write_number(
                                             ws, row, (lxw_col_t)j,
                                             x->v[j - FIRST_NUMBER], NULL));
        }
    }
    worksheet_freeze_panes(ws, 1, 2);
    worksheet_set_landscape(ws);
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_activate(ws);
    return p->book.first;
}

static const char *const guide_zh[] = {
    "#县域义务教育学校基础数据填报说明（junheng 模板）",
    "",
    "#一、填哪些学校",
    "全县每所学校填一行：小学、初中、九年一贯制学校、完全中学、十二年一贯制学校"
    "和教学点，特殊教育学校和职业学校也登记一行（只登记，不参与指标计算）。",
    "教学点单独成行，“所属学校代码”填其所属学校的代码。{tp_scope}",
    "民办学校照常填写，举办者类型选“民办”。本省规定不参与计算的学校，"
    "“纳入计算”选“否”。",
    "不要填写合计、小计行，不要合并单元格。",
    "",
    "#二、合并学校（九年一贯制、完全中学、十二年一贯制）怎么填",
    "每所学校只填一行。在校生数按学段分别填入小学、初中、高中三列。",
    "教师数按学段分别填写：小学部的填在“小学…”列，初中部的填在“初中…”列，"
    "高中部教师不填。单一学段的学校只填本学段的列，另一学段留空。",
    "校舍面积、体育场馆面积、仪器设备值和多媒体教室数填全校合计数，junheng 按"
    "折算在校生数自动分摊：九年一贯制学校 小学:初中 = 1:{w_nine_junior}；"
    "完全中学 初中:高中 = 1:{w_complete_senior}；十二年一贯制学校 "
    "1:{w_twelve_junior}:{w_twelve_senior}。",
    "",
    "#三、数值",
    "只填数字，不带单位和文字；单位以列名括号中的为准（设备值为万元）。",
    "空白不等于0：没有的填0。必填项空白时 junheng 会报错并指出单元格。",
    "可以保留公式（.xlsx 会保存计算结果），但不能有 #DIV/0! 等错误值。",
    "",
    "#四、示例行",
    "第2至9行是每类学校各一行的示例，名称中带“示例”。名称带“示例”的行"
    "一律不计入计算（junheng 会逐行提示）。正式填报前请删除示例行；改写为本县"
    "学校时，须把名称中的“示例”去掉。",
    "",
    "#五、检查和计算",
    "填好后先运行 junheng check 文件名.xlsx，按提示改正所有错误，再运行 "
    "junheng analyze 文件名.xlsx。加 --out 文件夹 时，检查结果另存为 "
    "check.xlsx（每个问题一行）。",
    "县域评估事实表（junheng template --county）用 junheng check --county "
    "事实表.xlsx 检查，再运行 junheng evaluate 文件名.xlsx --county "
    "事实表.xlsx。",
    "",
    "#六、各列说明",
};

static const char *const guide_en[] = {
    "#How to fill in the school data (junheng template)",
    "",
    "#1. Which schools",
    "One row per school of the county: primary, junior, nine-year, complete "
    "secondary and twelve-year schools and teaching points. Special-education "
    "and vocational schools get a row too (listed, never evaluated).",
    "Teaching points have their own rows, with the code of the school they "
    "belong to in parent_code. {tp_scope}",
    "Private schools are filled like the others (ownership: private). Schools "
    "your province leaves out get include = no.",
    "No total rows, no merged cells.",
    "",
    "#2. Combined schools (nine-year, complete secondary, twelve-year)",
    "One row per school. Pupils go into the primary, junior and senior "
    "columns.",
    "Teachers are filled per section: the primary section in the *_primary "
    "columns, the junior section in the *_junior columns; senior teachers are "
    "not entered. Single-level schools fill their own section only.",
    "Building, sports ground, equipment and multimedia figures are "
    "whole-school; junheng splits them by weighted enrollment: nine-year "
    "primary:junior = 1:{w_nine_junior}, complete secondary junior:senior = "
    "1:{w_complete_senior}, twelve-year "
    "1:{w_twelve_junior}:{w_twelve_senior}.",
    "",
    "#3. Numbers",
    "Numbers only, without units; the unit is the one in the header "
    "(equipment in 10,000 yuan).",
    "Blank is not zero: enter 0 when there is none. A blank required value "
    "is an error naming its cell.",
    "Formulas may stay (an .xlsx keeps their results) but not error values "
    "such as #DIV/0!.",
    "",
    "#4. Example rows",
    "Rows 2 to 9 are one example per school type, marked (example). A row "
    "whose name is marked so is never counted (junheng names each one). "
    "Delete them; a row overwritten with one of your schools must lose the "
    "mark.",
    "",
    "#5. Check, then analyze",
    "Run junheng check FILE.xlsx, fix every error, then junheng analyze "
    "FILE.xlsx. With --out DIR the findings are saved as check.xlsx (one "
    "row each).",
    "Check the county facts (junheng template --county) with junheng check "
    "--county FACTS.xlsx, then run junheng evaluate FILE.xlsx --county "
    "FACTS.xlsx.",
    "",
    "#6. The columns",
};

/* What the standard does with teaching points (jh_teaching_points), the
 * {tp_scope} of the guide; {teaching_point_min} is the standard's. */
static const char *const tp_scope_zh[] = {
    "在校生不足{teaching_point_min}人的教学点不参与计算，但仍要填写。",
    "本标准不计算教学点，但仍要填写。", "教学点全部参与计算。"};
static const char *const tp_scope_en[] = {
    "Teaching points under {teaching_point_min} pupils are not evaluated but "
    "are still listed.",
    "This standard does not evaluate teaching points; they are still listed.",
    "Every teaching point is evaluated."};

/* Line @p tmpl of the guide with {tp_scope} and the standard's figures
 * filled in, into @p buf. */
static const char *
guide_line(const tpl *p, const char *tmpl, char *buf, size_t size)
{
    static const char mark[] = "{tp_scope}";
    const char *at = strstr(tmpl, mark);
    unsigned tp = (unsigned)p->std->teaching_points;
    char line[1024];

    if (at != NULL) {
        if (tp > JH_TP_INCLUDE)
            tp = JH_TP_MIN;
        snprintf(line, sizeof(line), "%.*s%s%s", (int)(at - tmpl), tmpl,
                 p->lang == JH_LANG_EN ? tp_scope_en[tp] : tp_scope_zh[tp],
                 at + sizeof(mark) - 1);
        tmpl = line;
    }
    return jh__rule_text(p->std, tmpl, buf, size);
}

/* Widths of the instruction sheet's columns, in character units. */
#define GUIDE_COL_A 30.0
#define GUIDE_COL_B 80.0

/* The instructions sheet: the guide, then one row per column. */
static lxw_error
write_guide(tpl *p)
{
    bool en = p->lang == JH_LANG_EN;
    lxw_worksheet *ws =
        workbook_add_worksheet(p->book.wb, en ? "instructions" : "说明");
    const char *const *lines = en ? guide_en : guide_zh;
    size_t nlines = en ? sizeof(guide_en) / sizeof(guide_en[0])
                       : sizeof(guide_zh) / sizeof(guide_zh[0]);
    lxw_row_t row = 0;

    if (ws == NULL)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0); /* print as wide as one page */
    jh__book_check(&p->book,
                   worksheet_set_column(ws, 0, 0, GUIDE_COL_A, p->bold_wrap));
    if (p->book.first == LXW_NO_ERROR)
        jh__book_check(&p->book,
                       worksheet_set_column(ws, 1, 1, GUIDE_COL_B, p->wrap));
    for (size_t i = 0; i < nlines && p->book.first == LXW_NO_ERROR;
         i++, row++) {
        char text[1024];
        /* the rule sentences state the figures of the loaded standard */
        const char *s = guide_line(p, lines[i], text, sizeof(text));
        if (s[0] == '\0')
            continue;
        /* Headings in the first column, paragraphs in the wide second one
         * (unmerged, so that spreadsheets fit the row height to them). */
        if (s[0] == '#') {
            jh__cell_str(&p->book, ws, row, 0, s + 1,
                         i == 0 ? p->title : p->bold_wrap);
        } else {
            jh__cell_str(&p->book, ws, row, 1, s, p->wrap);
            if (p->book.first == LXW_NO_ERROR)
                jh__row_height(&p->book, ws, row,
                               15.0 * jh__wrap_lines(s, GUIDE_COL_B));
        }
    }
    if (p->book.first == LXW_NO_ERROR) {
        char s[512];
        if (en)
            snprintf(s, sizeof(s),
                     "Orange headers are required under the standard %s "
                     "(junheng template --standard ID marks another "
                     "standard's); blue ones are optional. Each header's "
                     "comment says the same. The columns, by group:",
                     p->std->id);
        else
            snprintf(s, sizeof(s),
                     "表头为橙色的列按 %s 标准必填（junheng template "
                     "--standard 标准 标出另一标准的必填列），蓝色的列选填；"
                     "表头单元格的批注也写明了。各列按组说明如下：",
                     p->std->id);
        jh__cell_str(&p->book, ws, row, 1, s, p->wrap);
        if (p->book.first == LXW_NO_ERROR)
            jh__row_height(&p->book, ws, row,
                           15.0 * jh__wrap_lines(s, GUIDE_COL_B));
        row++;
    }
    for (size_t j = 0; j < NCOLS && p->book.first == LXW_NO_ERROR; j++, row++) {
        const tcol *c = &columns[j];
        char header[256], use[1024], note[2048];
        unsigned la, lb;

        if (j == 0 || columns[j - 1].group != c->group) {
            jh__cell_str(&p->book, ws, row++, 0,
                         en ? group_en[c->group] : group_zh[c->group],
                         p->bold_wrap);
            if (p->book.first != LXW_NO_ERROR)
                break;
        }
        header_of(c, p->lang, header, sizeof(header));
        column_use(c, p->std, en, use, sizeof(use));
        if (en)
            snprintf(note, sizeof(note), "%s. %s Used by: %s.",
                     column_required(c, p->std) ? "Required" : "Optional",
                     c->note_en, use);
        else
            snprintf(note, sizeof(note), "%s。%s用于：%s。",
                     column_required(c, p->std) ? "必填" : "选填", c->note_zh,
                     use);
        la = jh__wrap_lines(header, GUIDE_COL_A);
        lb = jh__wrap_lines(note, GUIDE_COL_B);
        jh__cell_str(&p->book, ws, row, 0, header, p->bold_wrap);
        if (p->book.first == LXW_NO_ERROR)
            jh__cell_str(&p->book, ws, row, 1, note, p->wrap);
        if (p->book.first == LXW_NO_ERROR)
            jh__row_height(&p->book, ws, row, 15.0 * (la > lb ? la : lb));
    }
    return p->book.first;
}

static void
make_formats(tpl *p)
{
    p->head = jh__book_format(&p->book);
    format_set_bold(p->head);
    format_set_text_wrap(p->head);
    format_set_align(p->head, LXW_ALIGN_CENTER);
    format_set_align(p->head, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(p->head, 0xDDEBF7);
    format_set_border(p->head, LXW_BORDER_THIN);
    p->head_req = jh__book_format(&p->book);
    format_set_bold(p->head_req);
    format_set_text_wrap(p->head_req);
    format_set_align(p->head_req, LXW_ALIGN_CENTER);
    format_set_align(p->head_req, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(p->head_req, 0xFCE4D6);
    format_set_border(p->head_req, LXW_BORDER_THIN);
    p->text = jh__book_format(&p->book);
    format_set_num_format(p->text, "@");
    p->wrap = jh__book_format(&p->book);
    format_set_text_wrap(p->wrap);
    format_set_align(p->wrap, LXW_ALIGN_VERTICAL_TOP);
    p->bold_wrap = jh__book_format(&p->book);
    format_set_bold(p->bold_wrap);
    format_set_text_wrap(p->bold_wrap);
    format_set_align(p->bold_wrap, LXW_ALIGN_VERTICAL_TOP);
    p->title = jh__book_format(&p->book);
    format_set_bold(p->title);
    format_set_font_size(p->title, 14);
}

jh_status
jh_template_write(const char *path, const jh_template_options *opts,
                  jh_error *err)
{
    jh_template_options defaults = {JH_LANG_ZH, 0, NULL};
    lxw_doc_properties props;
    lxw_error e;
    tpl p;
    char *tmp;

    if (opts == NULL)
        opts = &defaults;
    tmp = jh__asprintf("%s.part", path);
    if (tmp == NULL)
        return jh_error_set(err, JH_ERR_NOMEM, path, 0, 0, "out of memory");
    memset(&p, 0, sizeof(p));
    p.lang = opts->lang;
    p.std = opts->std != NULL ? opts->std : jh_standard_builtin(NULL);
    p.book.wb = workbook_new(tmp);
    if (p.book.wb == NULL) {
        free(tmp);
        return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
                            "cannot create the workbook");
    }
    memset(&props, 0, sizeof(props));
    props.title =
        (char *)(p.lang == JH_LANG_EN ? "School data for junheng"
                                      : "县域义务教育学校基础数据填报模板");
    props.author = (char *)"junheng";
    props.created = (time_t)opts->created;
    e = workbook_set_properties(p.book.wb, &props);
    make_formats(&p);
    if (e == LXW_NO_ERROR)
        e = p.book.first; /* a format that could not be made */
    if (e == LXW_NO_ERROR)
        e = write_data(&p);
    if (e == LXW_NO_ERROR)
        e = write_guide(&p);
    if (e == LXW_NO_ERROR)
        e = write_lists(&p);
    if (e != LXW_NO_ERROR) {
        /* Close anyway to free it, then drop the partial file. */
        (void)workbook_close(p.book.wb);
        remove(tmp);
        free(tmp);
        return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
                            "cannot build the template: %s", lxw_strerror(e));
    }
    e = workbook_close(p.book.wb);
    if (e != LXW_NO_ERROR) {
        remove(tmp);
        free(tmp);
        return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
                            "cannot write the template: %s", lxw_strerror(e));
    }
    if (rename(tmp, path) != 0) {
        int saved = errno;
        remove(tmp);
        free(tmp);
        return jh_error_set(err, JH_ERR_OUTPUT, path, 0, 0,
                            "cannot move the template into place: %s",
                            strerror(saved));
    }
    free(tmp);
    return JH_OK;
}
