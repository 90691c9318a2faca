/* junheng - labels of the plan, verify and diagnostics outputs
 * (library-internal).  One table, src/report/xlabels.c; keys it does not hold
 * are looked up with jh_label(). */
#ifndef JUNHENG_XLABELS_H
#define JUNHENG_XLABELS_H

#include "junheng/report.h"

/** Label of @p key in @p lang (falls back to jh_label()). */
const char *jh__xlabel(jh_lang lang, const char *key);

/** Unit of quantity @p q in @p lang ("人" / "teachers", "平方米" / "m²"). */
const char *jh__quantity_unit(int q, jh_lang lang);

/** Name of quantity @p q in @p lang. */
const char *jh__quantity_name(int q, jh_lang lang);

/** Name of a locality (城区 / urban ...) in @p lang. */
const char *jh__locality_name(int locality, jh_lang lang);

/** English key of a locality ("urban", "town", "rural", "unknown"). */
const char *jh__locality_key(int locality);

#endif
