/* Messages cmake/check_messages.py must catch (build.messages_caught):
 * each call below is one problem, and nothing else in this file is. */
#include <stdio.h>

#include "cli.h"

static jh_status
planted(jh_error *err, const char *path, FILE *out)
{
    /* 1: an English-only error */
    jh_error_set(err, JH_ERR_DATA, path, 3, 0, "no schools in %s", path);
    /* 2: a "Chinese" text that is English */
    jh_error_set2(err, JH_ERR_DATA, path, 0, 0, "no schools in %s",
                  "no schools in %s", path);
    /* 3: the two texts take different arguments */
    jh_error_set2(err, JH_ERR_DATA, path, 0, 0, "“%s”第 %ld 行没有学校",
                  "no schools in %s", path);
    /* 4: a Chinese text with an English phrase left in it */
    jh_cli_fail2("文件“%s”cannot be read", "cannot read %s", path);
    /* 5: English help written straight to the terminal */
    fputs("usage: junheng planted FILE\n\nRead the planted file.\n", out);
    /* not problems: both texts, a typed command, a ternary with Chinese */
    jh_cli_fail2("请运行“junheng check %s”", "run 'junheng check %s'", path);
    fputs(jh_cli_zh() ? "用法：junheng planted 文件\n"
                      : "usage: junheng planted FILE\n",
          out);
    return JH_ERR_DATA;
}
