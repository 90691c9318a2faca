/*
 * junheng - running numbered tasks on a few threads.
 *
 * The batch reads its files, parses a large file in pieces, analyzes its
 * county-years and writes its reports through this one pool.  The first
 * failure in index order wins, whatever the number of threads, so a run
 * with many jobs fails as a run with one does.
 */
#ifndef JUNHENG_POOL_H
#define JUNHENG_POOL_H

#include <stddef.h>

#include "junheng/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A task of jh_pool_run(): work on item @p index. */
typedef jh_status (*jh_pool_task_fn)(void *data, size_t index, jh_error *err);

/**
 * Progress callback: @p done of @p total items finished.  Called from
 * worker threads, but never two calls at once (the pool serialises them),
 * and @p done only grows.
 */
typedef void (*jh_pool_progress_fn)(void *data, size_t done, size_t total);

/**
 * Run @p task for every index in [0, @p n) on up to @p jobs threads.
 * Items are started in increasing order; once one fails, items after it
 * are skipped and items before it still run, so the error returned is the
 * one of the lowest failing index whatever the number of threads (the
 * same error a single thread would give).  @p progress (may be NULL) is
 * called after each item, serialised.
 *
 * @param failed  receives the failing index, or @p n on success (may be
 *                NULL)
 * @return JH_OK, or the status of the lowest failing item (its error in
 *         @p err); JH_ERR_NOMEM or JH_ERR_INTERNAL when threads cannot be
 *         started
 */
jh_status jh_pool_run(size_t n, unsigned jobs, jh_pool_task_fn task, void *data,
                      jh_pool_progress_fn progress, void *progress_data,
                      size_t *failed, jh_error *err);

#ifdef __cplusplus
}
#endif

#endif
