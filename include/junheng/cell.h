/*
 * junheng - the one cell parser of the importer: what a cell's text means
 * before it is read as a value.
 */
#ifndef JUNHENG_CELL_H
#define JUNHENG_CELL_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * True when @p text is a spreadsheet error value such as "#DIV/0!",
 * "#N/A" or "#VALUE!" (what a failed formula leaves in a cell).
 */
bool jh_school_is_error_value(const char *text);

#ifdef __cplusplus
}
#endif

#endif
