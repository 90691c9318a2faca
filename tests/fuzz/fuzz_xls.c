/*
 * junheng fuzz target: the .xls path (FreeXL).  FreeXL reads files only,
 * so the input goes through an in-memory file (memfd) first.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "junheng/school.h"
#include "junheng/school_reader.h"
#include "junheng/xls.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = memfd_create("fuzz.xls", 0);
    char path[64];
    jh_xls *x = NULL;
    jh_error err;

    if (fd < 0)
        return 0;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return 0;
    }
    snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    if (jh_xls_open(&x, path, &err) == JH_OK) {
        for (size_t i = 0; i < jh_xls_sheet_count(x) && i < 4; i++) {
            jh_table *t = NULL;
            jh_county *c = NULL;
            jh_diags warn = JH_DIAGS_INIT;
            jh_import_options opts = {0};
            opts.find_header = true;
            if (jh_xls_read_sheet(x, i, &t, &err) == JH_OK)
                (void)jh_county_from_table(&c, t, &opts, &warn, &err);
            jh_county_free(c);
            jh_table_free(t);
            jh_diags_release(&warn);
        }
        jh_xls_free(x);
    }
    close(fd);
    return 0;
}
