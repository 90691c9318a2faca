/* junheng - running a helper program without a shell. */
#include "subprocess.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

jh_status
jh__spawn_wait(char *const *argv, char *const *envp, const char *log_path,
               int timeout_seconds, jh_error *err)
{
    static char *const empty[] = {NULL};
    posix_spawn_file_actions_t fa;
    struct timespec start, now, nap = {0, 50 * 1000 * 1000};
    pid_t pid;
    int rc, status = 0;

    rc = posix_spawn_file_actions_init(&fa);
    if (rc == 0)
        rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY,
                                              0);
    if (rc == 0)
        rc = posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY,
                                              0);
    if (rc == 0)
        rc = posix_spawn_file_actions_addopen(
            &fa, 2, log_path != NULL ? log_path : "/dev/null",
            O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (rc == 0)
        rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv,
                          envp != NULL ? envp : empty);
    posix_spawn_file_actions_destroy(&fa);
    if (rc == ENOENT || rc == EACCES)
        return jh_error_set(err, JH_ERR_NOTFOUND, NULL, 0, 0,
                            "%s not found", argv[0]);
    if (rc != 0)
        return jh_error_set(err, JH_ERR_OUTPUT, NULL, 0, 0,
                            "cannot start %s: %s", argv[0], strerror(rc));
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid)
            break;
        if (r < 0 && errno != EINTR)
            return jh_error_set(err, JH_ERR_OUTPUT, NULL, 0, 0,
                                "cannot wait for %s: %s", argv[0],
                                strerror(errno));
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - start.tv_sec >= timeout_seconds) {
            kill(pid, SIGKILL);
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
                ;
            return jh_error_set(err, JH_ERR_OUTPUT, NULL, 0, 0,
                                "%s did not finish within %d seconds",
                                argv[0], timeout_seconds);
        }
        nanosleep(&nap, NULL);
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return JH_OK;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        return jh_error_set(err, JH_ERR_NOTFOUND, NULL, 0, 0,
                            "%s not found", argv[0]);
    return jh_error_set(err, JH_ERR_OUTPUT, NULL, 0, 0,
                        "%s failed (%s %d)", argv[0],
                        WIFSIGNALED(status) ? "signal" : "status",
                        WIFSIGNALED(status) ? WTERMSIG(status)
                                            : WEXITSTATUS(status));
}
