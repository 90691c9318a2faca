/*
 * junheng - the names of the government-guarantee checks and their
 * outcomes (include/junheng/checks.h): one table, keys in English, names in
 * Chinese and English, the units outputs print.
 */
#include "junheng/checks.h"

#include <stddef.h>

struct check_row {
    const char *key;
    const char *zh;
    const char *en;
    const char *unit;       /* of the value */
    const char *short_unit; /* of the shortfall */
    bool maximum;
};

static const struct check_row checks[JH_G_COUNT] = {
    {"school_size", "学校规模", "School size", "pupils", "pupils", true},
    {"class_size_primary", "小学最大班额", "Largest primary class", "pupils",
     "pupils", true},
    {"class_size_junior", "初中最大班额", "Largest junior class", "pupils",
     "pupils", true},
    {"music_rooms", "音乐专用教室数", "Music rooms", "rooms", "rooms", false},
    {"art_rooms", "美术专用教室数", "Art rooms", "rooms", "rooms", false},
    {"music_room_area", "音乐专用教室面积", "Music room area", "m2", "m2",
     false},
    {"art_room_area", "美术专用教室面积", "Art room area", "m2", "m2", false},
    {"certified_teachers", "教师持证上岗率", "Certified teachers", "share",
     "teachers", false},
    {"training_funds", "教师培训经费占公用经费比例",
     "Training funds / public funds", "share", "yuan", false},
};

/* What the names of a value that is no check are. */
static const struct check_row no_check = {"unknown", "未知", "unknown", "",
                                          "", false};

/* The row of @p c in the table, or no_check. */
static const struct check_row *
row_of(jh_gcheck c)
{
    return (unsigned)c < JH_G_COUNT ? &checks[c] : &no_check;
}

const char *
jh_gcheck_key(jh_gcheck c)
{
    return row_of(c)->key;
}

const char *
jh_gcheck_zh(jh_gcheck c)
{
    return row_of(c)->zh;
}

const char *
jh_gcheck_en(jh_gcheck c)
{
    return row_of(c)->en;
}

const char *
jh_gcheck_unit(jh_gcheck c)
{
    return row_of(c)->unit;
}

const char *
jh_gcheck_shortfall_unit(jh_gcheck c)
{
    return row_of(c)->short_unit;
}

bool
jh_gcheck_is_maximum(jh_gcheck c)
{
    return row_of(c)->maximum;
}

const char *
jh_gstatus_key(jh_gstatus s)
{
    switch (s) {
    case JH_GS_PASS:
        return "pass";
    case JH_GS_FAIL:
        return "fail";
    case JH_GS_MISSING:
        return "not_given";
    case JH_GS_NA:
        break;
    }
    return "not_applicable";
}
