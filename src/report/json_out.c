/* junheng - the one JSON toolkit of the reports (see json_out.h). */
#include "json_out.h"

#include <math.h>

json_t *
jh__json_num(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

json_t *
jh__json_count(double v)
{
    if (isfinite(v) && v == floor(v) && fabs(v) < 9e15)
        return json_integer((json_int_t)v);
    return jh__json_num(v);
}

json_t *
jh__json_str(const char *s)
{
    return s != NULL ? json_string(s) : json_null();
}

jh_status
jh__json_write(FILE *out, json_t *root, jh_error *err)
{
    int rc;

    if (root == NULL)
        return jh_error_set2(err, JH_ERR_NOMEM, NULL, 0, 0, "内存不足",
                             "out of memory");
    rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
    json_decref(root);
    if (rc != 0 || fputc('\n', out) == EOF)
        return jh_error_set2(err, JH_ERR_IO, NULL, 0, 0, "无法写出 JSON 结果",
                             "cannot write JSON output");
    return JH_OK;
}
