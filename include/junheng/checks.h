/*
 * junheng - the names of the school-level government-guarantee checks
 * (政府保障程度, 教督〔2017〕6号) and of their outcomes: the vocabulary
 * that src/stats/guarantee.c computes with and every output names.
 */
#ifndef JUNHENG_CHECKS_H
#define JUNHENG_CHECKS_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The school-level checks, in the order outputs list them. */
typedef enum jh_gcheck {
    JH_G_SCHOOL_SIZE = 0,    /**< pupils of the compulsory sections */
    JH_G_CLASS_SIZE_PRIMARY, /**< largest primary class */
    JH_G_CLASS_SIZE_JUNIOR,  /**< largest junior class */
    JH_G_MUSIC_ROOMS,        /**< music rooms ≥ ceil(classes / 12) */
    JH_G_ART_ROOMS,          /**< art rooms ≥ ceil(classes / 12) */
    JH_G_MUSIC_ROOM_AREA,    /**< smallest music room ≥ 96 m² */
    JH_G_ART_ROOM_AREA,      /**< smallest art room ≥ 90 m² */
    JH_G_CERTIFIED_TEACHERS, /**< certified share of full-time teachers */
    JH_G_TRAINING_FUNDS,     /**< training funds share of public funds */
    JH_G_COUNT
} jh_gcheck;

/** Outcome of one check for one school. */
typedef enum jh_gstatus {
    JH_GS_NA = 0, /**< does not apply (no junior section; no room) */
    JH_GS_PASS,   /**< within the limit */
    JH_GS_FAIL,   /**< beyond the limit */
    JH_GS_MISSING /**< its columns are absent or blank */
} jh_gstatus;

/** English key of a check ("music_rooms"). */
const char *jh_gcheck_key(jh_gcheck check);

/** Chinese name of a check ("音乐专用教室数"). */
const char *jh_gcheck_zh(jh_gcheck check);

/** English name of a check ("Music rooms"). */
const char *jh_gcheck_en(jh_gcheck check);

/** Unit of a check's value, in English ("pupils", "rooms", "m2",
 * "share"). */
const char *jh_gcheck_unit(jh_gcheck check);

/** Unit of a check's shortfall, in English ("pupils", "rooms", "m2",
 * "teachers", "yuan"). */
const char *jh_gcheck_shortfall_unit(jh_gcheck check);

/** True when the check's limit is a maximum (sizes), false for a
 * minimum. */
bool jh_gcheck_is_maximum(jh_gcheck check);

/** English key of a status: "pass", "fail", "not_given",
 * "not_applicable". */
const char *jh_gstatus_key(jh_gstatus status);

#ifdef __cplusplus
}
#endif

#endif
