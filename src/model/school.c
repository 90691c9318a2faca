/* junheng - the school vocabulary: types, levels and quantities with
 * their keys and Chinese names (the one table of names that the header
 * matcher in src/import/ reads), and the county object's lifetime. */
#include "junheng/school.h"

#include <stdlib.h>

#include "school_names.h"

const jh__type_name jh__type_names[JH_TYPE_COUNT] = {
    {"primary", "小学"},
    {"junior", "初中"},
    {"nine_year", "九年一贯制学校"},
    {"complete_secondary", "完全中学"},
    {"twelve_year", "十二年一贯制学校"},
    {"teaching_point", "教学点"},
    {"special", "特殊教育学校"},
    {"vocational", "职业学校"},
};

const jh__quantity_name jh__quantity_names[JH_Q_COUNT] = {
    {"degree_teachers",
     "高于规定学历教师数",
     {"高于规定学历教师", "高学历教师数", NULL},
     true},
    {"backbone_teachers",
     "县级以上骨干教师数",
     {"县级以上骨干教师", "骨干教师数", NULL},
     true},
    {"pe_art_teachers",
     "体育艺术专任教师数",
     {"体育、艺术（美术、音乐）专任教师数", "体育艺术教师数",
      "体育、艺术专任教师数", NULL},
     true},
    {"teaching_area",
     "教学及辅助用房面积",
     {"教学及辅助用房", "教学辅助用房面积", NULL},
     false},
    {"sports_area",
     "体育运动场馆面积",
     {"体育运动场馆", "体育场馆面积", NULL},
     false},
    {"equipment_value",
     "教学仪器设备值",
     {"教学仪器设备总值", "教学仪器设备", NULL},
     false},
    {"multimedia_rooms",
     "网络多媒体教室数",
     {"网络多媒体教室", "多媒体教室数", NULL},
     false},
    {"computers", "计算机台数", {"计算机数", NULL}, false},
    {"books", "图书册数", {"图书", "藏书册数", NULL}, false},
    {"teachers", "专任教师数", {"专任教师", NULL}, true},
    {"senior_title_teachers",
     "中级及以上专业技术职务教师数",
     {"中级及以上职称教师数", NULL},
     true},
    {"indoor_sports_area",
     "其中室内体育用房",
     {"室内体育用房面积", "室内体育用房", "室内体育用房面积数", NULL},
     false},
    {"certified_teachers",
     "持证专任教师数",
     {"持证教师数", "持有教师资格证专任教师数", "持证专任教师", NULL},
     true},
    {"music_rooms",
     "音乐专用教室数",
     {"音乐专用教室", "音乐教室数", "音乐教室", NULL},
     false},
    {"art_rooms",
     "美术专用教室数",
     {"美术专用教室", "美术教室数", "美术教室", NULL},
     false},
    {"music_room_min_area",
     "最小音乐教室面积",
     {"音乐教室最小面积", "最小音乐专用教室面积", "音乐专用教室最小面积",
      NULL},
     false},
    {"art_room_min_area",
     "最小美术教室面积",
     {"美术教室最小面积", "最小美术专用教室面积", "美术专用教室最小面积",
      NULL},
     false},
    {"training_funds",
     "教师培训经费",
     {"培训经费", "教师培训经费支出", NULL},
     false},
    {"public_funds",
     "公用经费预算",
     {"年度公用经费预算", "公用经费", "公用经费预算数", NULL},
     false},
    {"largest_class", "最大班额", {"最大班级人数", "最大班额数", NULL}, true},
    {"pe_art_parttime_teachers",
     "走教兼职体育艺术教师数",
     {"走教、兼职体育艺术教师数", "兼职体育艺术教师数", NULL},
     true},
    {"leased_sports_area",
     "租借体育场地面积",
     {"租借体育场馆面积", "租用体育场地面积", NULL},
     false},
};

const char *const jh__level_keys[3] = {"primary", "junior", "senior"};
const char *const jh__level_zh[3] = {"小学", "初中", "高中"};

const char *
jh_school_type_key(jh_school_type type)
{
    return type < JH_TYPE_COUNT ? jh__type_names[type].key : "unknown";
}

const char *
jh_school_type_zh(jh_school_type type)
{
    return type < JH_TYPE_COUNT ? jh__type_names[type].zh : "未知";
}

const char *
jh_level_key(jh_level level)
{
    return (unsigned)level < 3 ? jh__level_keys[level] : "unknown";
}

const char *
jh_quantity_key(jh_quantity q)
{
    return q < JH_Q_COUNT ? jh__quantity_names[q].key : "unknown";
}

const char *
jh_quantity_zh(jh_quantity q)
{
    return q < JH_Q_COUNT ? jh__quantity_names[q].zh : "未知";
}

bool
jh_quantity_is_sectioned(jh_quantity q)
{
    return q < JH_Q_COUNT && jh__quantity_names[q].sectioned;
}


unsigned
jh_school_type_levels(jh_school_type type)
{
    switch (type) {
    case JH_TYPE_PRIMARY:
    case JH_TYPE_TEACHING_POINT:
        return 1u << JH_LEVEL_PRIMARY;
    case JH_TYPE_JUNIOR:
        return 1u << JH_LEVEL_JUNIOR;
    case JH_TYPE_NINE_YEAR:
        return 1u << JH_LEVEL_PRIMARY | 1u << JH_LEVEL_JUNIOR;
    case JH_TYPE_COMPLETE_SECONDARY:
        return 1u << JH_LEVEL_JUNIOR | 1u << JH_LEVEL_SENIOR;
    case JH_TYPE_TWELVE_YEAR:
        return 1u << JH_LEVEL_PRIMARY | 1u << JH_LEVEL_JUNIOR |
               1u << JH_LEVEL_SENIOR;
    default:
        return 0u;
    }
}

void
jh_county_free(jh_county *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->nschools; i++) {
        free(c->schools[i].code);
        free(c->schools[i].name);
        free(c->schools[i].county);
        free(c->schools[i].parent_code);
    }
    free(c->schools);
    free(c->source);
    free(c->sheet);
    free(c->name);
    for (size_t i = 0; i < c->nunknown_headers; i++)
        free(c->unknown_headers[i]);
    free(c->unknown_headers);
    free(c);
}
