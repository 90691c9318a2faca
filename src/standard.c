/* junheng - built-in standards and threshold comparison. */
#include "junheng/standard.h"

#include <math.h>
#include <string.h>

/*
 * 县域义务教育优质均衡发展督导评估办法 (教督〔2017〕6号), 资源配置 indicators
 * 1-7 with their primary / junior thresholds; CV limits 0.50 / 0.45; a
 * school passes with 6 of 7 met and the last at 85% or more (§1.1-1.4 of
 * the evaluation rules).
 */
static const jh_standard quality_2017 = {
    .id = "quality-2017",
    .name_zh = "县域义务教育优质均衡发展督导评估办法（2017）",
    .name_en = "County quality-balance evaluation of compulsory education "
               "(2017)",
    .source = "教督〔2017〕6号",
    .nindicators = 7,
    .indicators =
        {
            {"degree_teachers_per100", "每百名学生拥有高于规定学历教师数",
             "Teachers above the required degree per 100 students",
             "高学历教师", "Degree teachers", "人", "persons",
             JH_Q_DEGREE_TEACHERS, 100.0, false, {4.2, 5.3}},
            {"backbone_teachers_per100", "每百名学生拥有县级以上骨干教师数",
             "County-level or higher backbone teachers per 100 students",
             "骨干教师", "Backbone teachers", "人", "persons",
             JH_Q_BACKBONE_TEACHERS, 100.0, false, {1.0, 1.0}},
            {"pe_art_teachers_per100",
             "每百名学生拥有体育、艺术（美术、音乐）专任教师数",
             "PE and art (fine art, music) teachers per 100 students",
             "体育艺术教师", "PE/art teachers", "人", "persons",
             JH_Q_PE_ART_TEACHERS, 100.0, false, {0.9, 0.9}},
            {"teaching_area_per_student", "生均教学及辅助用房面积",
             "Teaching and auxiliary floor area per student", "生均教学用房",
             "Teaching area", "平方米", "m2", JH_Q_TEACHING_AREA, 1.0, true,
             {4.5, 5.8}},
            {"sports_area_per_student", "生均体育运动场馆面积",
             "Sports ground and gymnasium area per student", "生均体育场馆",
             "Sports area", "平方米", "m2", JH_Q_SPORTS_AREA, 1.0, true,
             {7.5, 10.2}},
            {"equipment_value_per_student", "生均教学仪器设备值",
             "Teaching equipment value per student", "生均仪器设备",
             "Equipment value", "元", "yuan", JH_Q_EQUIPMENT_VALUE, 1.0, true,
             {2000.0, 2500.0}},
            {"multimedia_rooms_per100", "每百名学生拥有网络多媒体教室数",
             "Networked multimedia classrooms per 100 students",
             "多媒体教室", "Multimedia rooms", "间", "rooms",
             JH_Q_MULTIMEDIA_ROOMS, 100.0, true, {2.3, 2.4}},
        },
    .cv_limit = {0.50, 0.45},
    .min_met = 6,
    .partial_floor = 0.85,
    .weight_junior_nine = 1.1,
    .weight_senior_complete = 1.2,
    .weight_junior_twelve = 1.1,
    .weight_senior_twelve = 1.32,
    .teaching_point_min = 50.0,
};

const jh_standard *
jh_standard_builtin(const char *id)
{
    if (id == NULL || strcmp(id, quality_2017.id) == 0)
        return &quality_2017;
    return NULL;
}

int
jh_standard_find(const jh_standard *std, const char *id)
{
    for (size_t i = 0; i < std->nindicators; i++) {
        if (strcmp(std->indicators[i].id, id) == 0)
            return (int)i;
    }
    return -1;
}

bool
jh_meets(double value, double threshold)
{
    return value >= threshold - 1e-9 * fabs(threshold);
}
