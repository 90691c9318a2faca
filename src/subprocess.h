/* junheng - running a helper program without a shell (internal). */
#ifndef JUNHENG_SUBPROCESS_H
#define JUNHENG_SUBPROCESS_H

#include "junheng/error.h"

/**
 * Run @p argv (argv[0] looked up on PATH) with posix_spawnp — no shell —
 * stdin and stdout on /dev/null, stderr into @p log_path (or /dev/null
 * when NULL), environment @p envp (NULL for an empty one), and wait at
 * most @p timeout_seconds before killing it.  Returns JH_OK when it exited
 * with status 0; JH_ERR_NOTFOUND when it cannot be started;
 * JH_ERR_OUTPUT when it failed, was killed or ran out of time.
 */
jh_status jh__spawn_wait(char *const *argv, char *const *envp,
                         const char *log_path, int timeout_seconds,
                         jh_error *err);

#endif
