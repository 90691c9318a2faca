/* junheng command line - shared declarations of the subcommands. */
#ifndef JUNHENG_CLI_H
#define JUNHENG_CLI_H

#include "junheng/error.h"

/** Exit codes, the same for every subcommand (see README). */
enum {
    JH_EXIT_OK = 0,       /**< the work completed, whatever the verdict */
    JH_EXIT_FAILED = 1,   /**< --strict and the standard is not met */
    JH_EXIT_USAGE = 2,    /**< bad command line */
    JH_EXIT_DATA = 3,     /**< bad input data */
    JH_EXIT_INTERNAL = 4  /**< output or internal failure */
};

/** Run `junheng analyze`; argv[0] is "analyze". */
int jh_cmd_analyze(int argc, char **argv);

/** Print "junheng: <file>:<line>:<col>: <message>" to stderr. */
void jh_cli_error(const jh_error *err);

/** Print "junheng: <message>" to stderr. */
void jh_cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** Map a library status to an exit code (3 for bad input, 4 otherwise). */
int jh_cli_exit_code(jh_status st);

/** Folder with the gnuplot templates (environment, install, source). */
const char *jh_cli_plots_dir(void);

#endif
