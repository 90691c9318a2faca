/* junheng tests - running helper programs (subprocess.c). */
#define _GNU_SOURCE
#include "helpers.h"

#include <errno.h>
#include <sys/wait.h>
#include <time.h>

#include "subprocess.h"

static double
seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* A program that ends by itself: its exit status comes back. */
static void
exit_status_comes_back(void **state)
{
    char *argv[] = {(char *)"false", NULL};
    char *envp[] = {(char *)"PATH=/usr/bin:/bin", NULL};
    struct timespec deadline;
    pid_t pid;
    int status = -1;

    (void)state;
    assert_int_equal(jh__spawn(&pid, argv, envp, NULL), 0);
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += 30;
    assert_int_equal(jh__wait_until(pid, &deadline, 5, &status), 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 1);
}

/* A program that hangs is killed at the deadline, not waited for. */
static void
a_hang_is_killed_at_the_deadline(void **state)
{
    char *argv[] = {(char *)"sleep", (char *)"30", NULL};
    char *envp[] = {(char *)"PATH=/usr/bin:/bin", NULL};
    struct timespec t0, deadline;
    pid_t pid;
    int status = 0;
    jh_error e;

    (void)state;
    assert_int_equal(jh__spawn(&pid, argv, envp, NULL), 0);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    deadline = t0;
    deadline.tv_nsec += 300 * 1000 * 1000;
    if (deadline.tv_nsec >= 1000 * 1000 * 1000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000 * 1000 * 1000;
    }
    assert_int_equal(jh__wait_until(pid, &deadline, 5, &status), 1);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGKILL);
    assert_true(seconds_since(&t0) < 10.0);

    /* The same through jh__spawn_wait, with its one-second limit. */
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(jh__spawn_wait(argv, envp, NULL, 1, &e), JH_ERR_OUTPUT);
    assert_non_null(strstr(e.message, "did not finish within 1 seconds"));
    assert_non_null(strstr(e.message_zh, "在 1 秒内没有结束"));
    assert_true(seconds_since(&t0) < 10.0);
}

/* A program that is not there: ENOENT, and "not found". */
static void
a_missing_program(void **state)
{
    char *argv[] = {(char *)"junheng-no-such-program", NULL};
    char *envp[] = {(char *)"PATH=/usr/bin:/bin", NULL};
    pid_t pid;
    jh_error e;

    (void)state;
    assert_int_equal(jh__spawn(&pid, argv, envp, NULL), ENOENT);
    assert_int_equal(jh__spawn_wait(argv, envp, NULL, 5, &e), JH_ERR_NOTFOUND);
    assert_non_null(strstr(e.message, "not found"));
    assert_string_equal(e.message_zh, "找不到程序 junheng-no-such-program"
                                      "（没有安装，或不在 PATH 中）");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(exit_status_comes_back),
        cmocka_unit_test(a_hang_is_killed_at_the_deadline),
        cmocka_unit_test(a_missing_program),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
