/*
 * junheng - running numbered tasks on a few threads: see
 * include/junheng/pool.h.
 */
#include "junheng/pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct pool {
    pthread_mutex_t lock;
    size_t n, next, done;
    size_t failed;    /* lowest failing index, n when none */
    jh_status status; /* its status */
    jh_error error;   /* its error */
    jh_pool_task_fn task;
    void *data;
    jh_pool_progress_fn progress;
    void *progress_data;
} pool;

static void *
pool_worker(void *arg)
{
    pool *p = arg;

    for (;;) {
        size_t i;
        jh_error e;
        jh_status st;

        pthread_mutex_lock(&p->lock);
        /* Items after a failure are skipped; those before it still run,
         * so that the lowest failing index is found whatever the timing. */
        if (p->next >= p->n || p->next > p->failed) {
            pthread_mutex_unlock(&p->lock);
            return NULL;
        }
        i = p->next++;
        pthread_mutex_unlock(&p->lock);

        jh_error_clear(&e);
        st = p->task(p->data, i, &e);

        pthread_mutex_lock(&p->lock);
        if (st != JH_OK && i < p->failed) {
            p->failed = i;
            p->status = st;
            p->error = e;
        }
        p->done++;
        if (p->progress != NULL)
            p->progress(p->progress_data, p->done, p->n);
        pthread_mutex_unlock(&p->lock);
    }
}

jh_status
jh_pool_run(size_t n, unsigned jobs, jh_pool_task_fn task, void *data,
            jh_pool_progress_fn progress, void *progress_data, size_t *failed,
            jh_error *err)
{
    pool p;
    pthread_t *threads = NULL;
    size_t nthreads = jobs > 1 ? jobs : 1, started = 0;

    if (failed != NULL)
        *failed = n;
    if (n == 0)
        return JH_OK;
    if (nthreads > n)
        nthreads = n;
    memset(&p, 0, sizeof(p));
    p.n = n;
    p.failed = n;
    p.task = task;
    p.data = data;
    p.progress = progress;
    p.progress_data = progress_data;
    if (pthread_mutex_init(&p.lock, NULL) != 0)
        return jh_error_set2(err, JH_ERR_INTERNAL, NULL, 0, 0,
                             "无法创建线程互斥锁", "cannot create a mutex");
    if (nthreads > 1) {
        threads = calloc(nthreads - 1, sizeof(*threads));
        for (size_t t = 0; threads != NULL && t + 1 < nthreads; t++) {
            if (pthread_create(&threads[t], NULL, pool_worker, &p) != 0)
                break;
            started++;
        }
    }
    /* The calling thread works too; with no thread started it does all. */
    pool_worker(&p);
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    pthread_mutex_destroy(&p.lock);
    if (failed != NULL)
        *failed = p.failed;
    if (p.failed < n) {
        if (err != NULL)
            *err = p.error;
        return p.status;
    }
    return JH_OK;
}
