/*
 * junheng fuzz target: the standards-file parser (libinih and the checks
 * behind it), and writing the result back, which must parse again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "junheng/standard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jh_standard s, back;
    jh_error err;
    char *ini;

    if (jh_standard_parse(&s, (const char *)data, size, "fuzz.ini", &err) !=
        JH_OK)
        return 0;
    ini = jh_standard_to_ini(&s);
    if (ini == NULL)
        return 0;
    /* What junheng prints as a standard, it must read back. */
    if (jh_standard_parse(&back, ini, strlen(ini), "back.ini", &err) !=
            JH_OK ||
        back.nindicators != s.nindicators)
        abort();
    free(ini);
    return 0;
}
