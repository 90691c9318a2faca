/*
 * junheng - the county's schools as read from a table.
 *
 * A jh_county holds one jh_school per data row of the input, with every
 * quantity the standards may need, whole-school and per section.  Blank
 * values are NAN so that blank and zero stay distinct.
 */
#ifndef JUNHENG_SCHOOL_H
#define JUNHENG_SCHOOL_H

#include <stdbool.h>
#include <stddef.h>

#include "junheng/diag.h"
#include "junheng/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** School types (学校类型). */
typedef enum jh_school_type {
    JH_TYPE_PRIMARY = 0,        /**< 小学 */
    JH_TYPE_JUNIOR,             /**< 初中 / 初级中学 */
    JH_TYPE_NINE_YEAR,          /**< 九年一贯制学校 */
    JH_TYPE_COMPLETE_SECONDARY, /**< 完全中学 (junior + senior) */
    JH_TYPE_TWELVE_YEAR,        /**< 十二年一贯制学校 */
    JH_TYPE_TEACHING_POINT,     /**< 教学点 */
    JH_TYPE_SPECIAL,            /**< 特殊教育学校 */
    JH_TYPE_VOCATIONAL,         /**< 职业学校 */
    JH_TYPE_COUNT
} jh_school_type;

/** School sections (学段).  Only primary and junior are evaluated. */
typedef enum jh_level {
    JH_LEVEL_PRIMARY = 0, /**< 小学 */
    JH_LEVEL_JUNIOR = 1,  /**< 初中 */
    JH_LEVEL_SENIOR = 2   /**< 高中, only for splitting combined schools */
} jh_level;

/** Number of evaluated levels (primary and junior). */
#define JH_LEVEL_COUNT 2

/** Urban / town / rural (城乡类型). */
typedef enum jh_locality {
    JH_LOCALITY_UNKNOWN = 0,
    JH_LOCALITY_URBAN, /**< 城区 */
    JH_LOCALITY_TOWN,  /**< 镇区 */
    JH_LOCALITY_RURAL  /**< 乡村 */
} jh_locality;

/** Who runs the school (举办者类型). */
typedef enum jh_ownership {
    JH_OWNERSHIP_UNKNOWN = 0,
    JH_OWNERSHIP_PUBLIC,  /**< 公办 */
    JH_OWNERSHIP_PRIVATE, /**< 民办 */
    JH_OWNERSHIP_PROVINCE /**< 省属: run by the province, not the county */
} jh_ownership;

/**
 * Countable resources of a school: the numerators of the indicators.
 * "Teacher-like" quantities may be given per section; the others are
 * whole-school figures that combined schools split by weighted enrollment.
 */
typedef enum jh_quantity {
    JH_Q_DEGREE_TEACHERS = 0, /**< 高于规定学历教师数 (persons) */
    JH_Q_BACKBONE_TEACHERS,   /**< 县级以上骨干教师数 (persons) */
    JH_Q_PE_ART_TEACHERS,     /**< 体育艺术专任教师数 (persons) */
    JH_Q_TEACHING_AREA,       /**< 教学及辅助用房面积 (m²) */
    JH_Q_SPORTS_AREA,         /**< 体育运动场馆面积 (m²) */
    JH_Q_EQUIPMENT_VALUE,     /**< 教学仪器设备值 (yuan) */
    JH_Q_MULTIMEDIA_ROOMS,    /**< 网络多媒体教室数 (rooms) */
    JH_Q_COMPUTERS,           /**< 计算机台数 (units) */
    JH_Q_BOOKS,               /**< 图书册数 (volumes) */
    JH_Q_TEACHERS,            /**< 专任教师数 (persons) */
    JH_Q_SENIOR_TITLE_TEACHERS, /**< 中级及以上职称教师数 (persons) */
    /** 其中室内体育用房 (m²): indoor sports rooms, counted inside the
     * teaching area by the statistics; moved to the sports area when the
     * standard says so (jh_standard.subtract_indoor_sports). */
    JH_Q_INDOOR_SPORTS_AREA,
    /* Government-guarantee items of the 2017 standard (see guarantee.h). */
    JH_Q_CERTIFIED_TEACHERS,  /**< 持证专任教师数 (persons), per section */
    JH_Q_MUSIC_ROOMS,         /**< 音乐专用教室数 (rooms) */
    JH_Q_ART_ROOMS,           /**< 美术专用教室数 (rooms) */
    JH_Q_MUSIC_ROOM_MIN_AREA, /**< 最小音乐教室面积 (m², smallest room) */
    JH_Q_ART_ROOM_MIN_AREA,   /**< 最小美术教室面积 (m², smallest room) */
    JH_Q_TRAINING_FUNDS,      /**< 教师培训经费 (yuan a year) */
    JH_Q_PUBLIC_FUNDS,        /**< 公用经费预算 (yuan a year) */
    JH_Q_LARGEST_CLASS,       /**< 最大班额 (pupils), per section */
    /** 走教、兼职体育艺术教师数: rotating and part-time PE/art teachers,
     * counted for PE/art in small rural schools under the 2019
     * relaxation relax_2019_pe_art_parttime. */
    JH_Q_PE_ART_PARTTIME,
    /** 租借体育场地面积 (m²): leased sports venues within a 10-minute walk,
     * counted for urban schools under relax_2019_leased_sports. */
    JH_Q_LEASED_SPORTS_AREA,
    JH_Q_COUNT
} jh_quantity;

/** A yes/no column that may be blank.  Zero is blank, so that a
 * zero-initialised school has every flag blank. */
typedef enum jh_flag {
    JH_FLAG_BLANK = 0, /**< not given */
    JH_FLAG_NO,        /**< 否 */
    JH_FLAG_YES        /**< 是 */
} jh_flag;

/** Largest enrollment or class count accepted for one school section. */
#define JH_MAX_ENROLLMENT 1e6

/** Largest value accepted for any other quantity (yuan, m², persons). */
#define JH_MAX_QUANTITY 1e13

/**
 * Most characters (Unicode code points) in a school's code or name, its
 * county or its parent's code: Excel's limit for one cell (32,767), which
 * libxlsxwriter enforces when the report workbook is written.  A longer
 * cell is refused when reading, naming its cell.
 */
#define JH_MAX_NAME_CHARS 32767

/**
 * Per-pupil values off by orders of magnitude, a sign of a unit mistake
 * (万元 typed into a 元 column, an area in 亩 or hectares under a m²
 * header).  The importer warns about them, naming the school, its line and
 * the likely cause; the table that applies them is in src/school.c.  For
 * scale: the 2017 standard asks 2,000 (primary) and 2,500 (junior) 元 of
 * equipment and about 4.5 m² of rooms and 7.5 m² of grounds per pupil.
 */
#define JH_MAGNITUDE_MIN_YUAN_PER_PUPIL 100.0  /**< equipment, 元 */
#define JH_MAGNITUDE_MAX_YUAN_PER_PUPIL 1e6    /**< equipment, 元 */
#define JH_MAGNITUDE_MIN_AREA_PER_PUPIL 0.1    /**< rooms or grounds, m² */
/** Most schools one county may have.  A real county has a few hundred
 * (teaching points included); a file with more is several counties (use
 * `junheng batch` with a 县区 column) or not a school list at all, and
 * its per-school outputs would run to gigabytes. */
#define JH_MAX_SCHOOLS 20000

/** One school as read from one row. */
typedef struct jh_school {
    char *code;        /**< 学校代码, unique, never NULL */
    char *name;        /**< 学校名称, never NULL */
    char *county;      /**< 县区, or NULL */
    char *parent_code; /**< 所属学校代码, or NULL */
    jh_school_type type;
    jh_locality locality;
    jh_ownership ownership;
    bool include;      /**< 纳入计算; false when the row says no */
    double students[3]; /**< enrollment by jh_level; NAN if blank */
    double classes[3];  /**< classes by jh_level; NAN if blank */
    /** grades taught (年级数) by jh_level: 6 and 3 under the 六三 system,
     * fewer in a village school that teaches only the first grades; NAN
     * when the file does not say */
    double grades[3];
    double whole[JH_Q_COUNT];   /**< whole-school quantity; NAN if blank */
    double section[JH_Q_COUNT][JH_LEVEL_COUNT]; /**< per section; NAN if blank */
    size_t row;        /**< index of the row in the source table */
    long line;         /**< line or sheet row of the source */
    /** 专用教室2016年前建成 (rooms_pre2016): the music and art rooms were
     * built before 2016 (国教督办函〔2019〕30号 lets them be smaller). */
    jh_flag rooms_pre2016;
    /** 规模放宽适用 (size_relaxation_eligible): the school qualifies for
     * the 2019 school-size relaxation (planned before 2010, or more than
     * half migrant children). */
    jh_flag size_relaxation_eligible;
} jh_school;

/** Where each known column was found in the source table. */
typedef struct jh_column_map {
    long students[3];
    long whole[JH_Q_COUNT];
    long section[JH_Q_COUNT][JH_LEVEL_COUNT];
    long code, name, type;  /**< the required columns */
    long parent_code;       /**< 所属学校代码 */
    long include;           /**< 纳入计算 */
    long classes[3];        /**< class counts by jh_level */
    long grades[3];         /**< grade counts (年级数) by jh_level */
    long rooms_pre2016;     /**< 专用教室2016年前建成 */
    long size_relaxation_eligible; /**< 规模放宽适用 */
} jh_column_map;

/** The schools of one county, as imported. */
typedef struct jh_county {
    char *source;   /**< input file name */
    char *sheet;    /**< sheet name or NULL */
    char *name;     /**< county name from a 县区 column, or NULL */
    jh_school *schools;
    size_t nschools;
    jh_column_map columns; /**< 0-based column of each field, -1 if absent */
    bool equipment_in_wan; /**< equipment value header was in 万元 */
    /** Factor from the equipment header's unit to 元: 1 (元 or none),
     * 1000 (千元), 10000 (万元); 0 when there is no such column. */
    double equipment_scale;
    size_t header_row;     /**< table index of the (first) header row */
    size_t header_rows;    /**< 1 or 2 */
    /** Header cells that name no column junheng knows, in canonical form
     * (no line breaks), left to right; for suggestions
     * (jh_county_suggest()).  Empty when the header came from
     * jh_import_options.header. */
    char **unknown_headers;
    size_t nunknown_headers;
} jh_county;

/** Rows searched for the header by jh_school_find_header(). */
#define JH_HEADER_SCAN_ROWS 20

/** Free a county (tolerates NULL). */
void jh_county_free(jh_county *county);

/** English key of a school type ("nine_year"). */
const char *jh_school_type_key(jh_school_type type);

/** Chinese name of a school type ("九年一贯制学校"). */
const char *jh_school_type_zh(jh_school_type type);

/** English key of a level ("primary", "junior", "senior"). */
const char *jh_level_key(jh_level level);

/** English key of a quantity ("teaching_area"). */
const char *jh_quantity_key(jh_quantity q);

/** Chinese name of a quantity ("教学及辅助用房面积"). */
const char *jh_quantity_zh(jh_quantity q);

/** True when the quantity may be given per section (teacher counts). */
bool jh_quantity_is_sectioned(jh_quantity q);

/**
 * Levels a school type teaches, as a bit set: bit JH_LEVEL_PRIMARY,
 * JH_LEVEL_JUNIOR and JH_LEVEL_SENIOR (0 for special and vocational
 * schools, which are never split).
 */
unsigned jh_school_type_levels(jh_school_type type);

#ifdef __cplusplus
}
#endif

#endif
