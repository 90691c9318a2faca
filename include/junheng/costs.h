/*
 * junheng - the costs reader: what a unit of each quantity a plan may add
 * costs (yuan per teacher, m², yuan of equipment or room), from options or
 * a costs file, as plain data for plans (plan.h).
 */
#ifndef JUNHENG_COSTS_H
#define JUNHENG_COSTS_H

#include <stdbool.h>

#include "junheng/error.h"
#include "junheng/school.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Unit costs of the quantities that a plan may add, in yuan per unit. */
typedef struct jh_plan_costs {
    /** Yuan per person, m², yuan or room, indexed by jh_quantity; NAN when
     * unknown.  Equipment value costs 1 yuan per yuan unless set. */
    double per_unit[JH_Q_COUNT];
    /** True once the user has set at least one cost. */
    bool given;
} jh_plan_costs;

/** Reset @p costs: every cost unknown except equipment value (1). */
void jh_plan_costs_init(jh_plan_costs *costs);

/**
 * Set one cost from "KEY=YUAN": KEY is a quantity key (degree_teachers,
 * backbone_teachers, pe_art_teachers, teaching_area, sports_area,
 * equipment_value, multimedia_rooms, or any other jh_quantity_key) or its
 * Chinese name; YUAN a non-negative number in the C locale.
 * Errors: JH_ERR_ARG naming the part that is wrong.
 */
jh_status jh_plan_costs_set(jh_plan_costs *costs, const char *spec,
                            jh_error *err);

/**
 * Read costs from a CSV file with rows "key,yuan_per_unit" (a header row
 * whose second cell is not a number is skipped; blank rows are skipped).
 * Errors name the file, line and column: JH_ERR_IO, JH_ERR_PARSE,
 * JH_ERR_ENCODING, JH_ERR_DATA.
 */
jh_status jh_plan_costs_read(jh_plan_costs *costs, const char *path,
                             jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
