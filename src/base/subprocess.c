/* junheng - running a helper program without a shell. */
#include "subprocess.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

int
jh__spawn(pid_t *pid, char *const *argv, char *const *envp,
          const char *log_path)
{
    static char *const empty[] = {NULL};
    posix_spawn_file_actions_t fa;
    int rc = posix_spawn_file_actions_init(&fa);

    if (rc != 0)
        return rc;
    rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    if (rc == 0)
        rc = posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY,
                                              0);
    if (rc == 0)
        rc = posix_spawn_file_actions_addopen(
            &fa, 2, log_path != NULL ? log_path : "/dev/null",
            O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (rc == 0)
        rc = posix_spawnp(pid, argv[0], &fa, NULL, argv,
                          envp != NULL ? envp : empty);
    posix_spawn_file_actions_destroy(&fa);
    return rc;
}

int
jh__wait_until(pid_t pid, const struct timespec *deadline, long nap_ms,
               int *status)
{
    struct timespec nap = {0, nap_ms * 1000 * 1000};

    for (;;) {
        struct timespec now;
        pid_t r = waitpid(pid, status, WNOHANG);
        if (r == pid)
            return 0;
        if (r < 0 && errno != EINTR)
            return -1;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec > deadline->tv_sec ||
            (now.tv_sec == deadline->tv_sec &&
             now.tv_nsec >= deadline->tv_nsec)) {
            kill(pid, SIGKILL);
            while (waitpid(pid, status, 0) < 0 && errno == EINTR)
                ;
            return 1;
        }
        nanosleep(&nap, NULL);
    }
}

jh_status
jh__spawn_wait(char *const *argv, char *const *envp, const char *log_path,
               int timeout_seconds, jh_error *err)
{
    struct timespec deadline;
    pid_t pid;
    int rc, status = 0;

    rc = jh__spawn(&pid, argv, envp, log_path);
    if (rc == ENOENT || rc == EACCES)
        return jh_error_set2(err, JH_ERR_NOTFOUND, NULL, 0, 0,
                             "找不到程序 %s（没有安装，或不在 PATH 中）",
                             "%s not found", argv[0]);
    if (rc != 0)
        return jh_error_errno2(err, JH_ERR_OUTPUT, NULL, rc, "无法启动 %s",
                               "cannot start %s", argv[0]);
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += timeout_seconds;
    rc = jh__wait_until(pid, &deadline, 50, &status);
    if (rc < 0)
        return jh_error_errno2(err, JH_ERR_OUTPUT, NULL, errno,
                               "无法等待 %s 结束", "cannot wait for %s",
                               argv[0]);
    if (rc > 0)
        return jh_error_set2(
            err, JH_ERR_OUTPUT, NULL, 0, 0, "%s 在 %d 秒内没有结束，已停止它",
            "%s did not finish within %d seconds", argv[0], timeout_seconds);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return JH_OK;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        return jh_error_set2(err, JH_ERR_NOTFOUND, NULL, 0, 0,
                             "找不到程序 %s（没有安装，或不在 PATH 中）",
                             "%s not found", argv[0]);
    if (WIFSIGNALED(status))
        return jh_error_set2(err, JH_ERR_OUTPUT, NULL, 0, 0,
                             "%s 异常终止（信号 %d）", "%s failed (signal %d)",
                             argv[0], WTERMSIG(status));
    return jh_error_set2(err, JH_ERR_OUTPUT, NULL, 0, 0,
                         "%s 运行失败（退出状态 %d）", "%s failed (status %d)",
                         argv[0], WEXITSTATUS(status));
}
