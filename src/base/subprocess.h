/* junheng - running a helper program without a shell (internal). */
#ifndef JUNHENG_SUBPROCESS_H
#define JUNHENG_SUBPROCESS_H

#include <sys/types.h>
#include <time.h>

#include "junheng/error.h"

/**
 * Start @p argv (argv[0] looked up on PATH) with posix_spawnp — no shell —
 * stdin and stdout on /dev/null, stderr into @p log_path (created, 0600;
 * /dev/null when NULL), environment @p envp (NULL for an empty one).
 * Returns 0 with *pid set, or the error number posix_spawn gave.
 */
int jh__spawn(pid_t *pid, char *const *argv, char *const *envp,
              const char *log_path);

/**
 * Wait for @p pid until @p deadline (CLOCK_MONOTONIC), polling every
 * @p nap_ms milliseconds; past the deadline it is killed (SIGKILL) and
 * reaped.  Returns 0 when it ended by itself (*status as from waitpid), 1
 * when it was killed at the deadline, -1 when waitpid failed (errno).
 */
int jh__wait_until(pid_t pid, const struct timespec *deadline, long nap_ms,
                   int *status);

/**
 * Run @p argv as jh__spawn() does and wait at most @p timeout_seconds
 * before killing it.  Returns JH_OK when it exited with status 0;
 * JH_ERR_NOTFOUND when it cannot be started; JH_ERR_OUTPUT when it
 * failed, was killed or ran out of time.
 */
jh_status jh__spawn_wait(char *const *argv, char *const *envp,
                         const char *log_path, int timeout_seconds,
                         jh_error *err);

#endif
