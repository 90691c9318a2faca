/* junheng - sentences that state a rule, filled from the loaded standard
 * (library-internal). */
#ifndef JUNHENG_STANDARD_TEXT_H
#define JUNHENG_STANDARD_TEXT_H

#include <stddef.h>

#include "junheng/standard.h"

/**
 * Copy @p tmpl into @p buf (of @p size, always NUL-terminated when size > 0),
 * replacing each "{name}" by the figure of that name in @p std, formatted in
 * the C locale as the outputs print it: weights and limits in their shortest
 * form ("1.1", "0.15", "2000"), shares as a percentage without the sign
 * ("85" for 0.85), CV limits with two decimals ("0.50"), the monitoring
 * level as a Roman numeral ("Ⅲ"); "—" where the standard sets none.  The
 * names:
 *
 *   split weights   w_nine_junior w_complete_senior w_twelve_junior
 *                   w_twelve_senior
 *   per-school rule min_met indicators rest (indicators - min_met)
 *                   floor (partial_floor, percent)
 *   CV limits       cv_primary cv_junior
 *   scope           teaching_point_min
 *   [guarantee]     g_classes_per_room (music) g_classes_per_art_room
 *                   g_music_room_area g_art_room_area
 *                   g_school_size g_school_size_combined g_class_primary
 *                   g_class_junior g_small_school g_certified (percent)
 *                   g_training_funds (percent)
 *   [county]        c_special_funds c_training (percent) c_rotation
 *                   c_rotation_backbone c_nearby_primary c_nearby_junior
 *                   c_quality_places c_migrant c_retention c_disabled
 *                   c_recognition (percent), c_monitoring_level (Roman),
 *                   c_monitoring_level_en (Latin: "III"),
 *                   c_monitoring_difference
 *
 * Unknown names and a lone "{" are copied as they are.  Returns @p buf.
 */
char *jh__rule_text(const jh_standard *std, const char *tmpl, char *buf,
                    size_t size);

#endif
