/* junheng - choosing the reader for a school file. */
#include "junheng/import.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "junheng/csv.h"
#include "junheng/table.h"

static bool
has_extension(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0;
}

jh_status
jh_import_county(jh_county **out, const char *path,
                 const jh_file_options *opts, jh_diags *warn, jh_error *err)
{
    jh_file_options defaults = {0};
    jh_csv_options csv = {0};
    jh_table *table = NULL;
    jh_status st;

    if (opts == NULL)
        opts = &defaults;
    if (has_extension(path, ".xlsx") || has_extension(path, ".xls") ||
        has_extension(path, ".xlsm"))
        return jh_error_set(err, JH_ERR_DATA, path, 0, 0,
                            "Excel workbooks are not read yet: save the "
                            "sheet as CSV");
    csv.encoding = opts->encoding;
    st = jh_csv_read_file(&table, path, &csv, err);
    if (st != JH_OK)
        return st;
    st = jh_county_from_table(out, table, NULL, warn, err);
    jh_table_free(table);
    return st;
}
