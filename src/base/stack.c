/*
 * stack: see stack.h.  The caller's signal mask is inherited by the thread
 * before the caller blocks every signal, so SIGINT and SIGTERM interrupt
 * the work (watch's sleeps) and not the join.
 */
#include "stack.h"

#include <pthread.h>
#include <signal.h>

struct job {
	int (*fn)(void *);
	void *arg;
	int rc;
};

static void *run(void *p)
{
	struct job *j = p;

	j->rc = j->fn(j->arg);
	return NULL;
}

int stack_run(size_t size, int (*fn)(void *), void *arg)
{
	struct job j = { fn, arg, 0 };
	pthread_attr_t at;
	pthread_t t;
	sigset_t all, old;
	int made;

	if (pthread_attr_init(&at))
		return fn(arg);
	made = !pthread_attr_setstacksize(&at, size) && !pthread_create(&t, &at, run, &j);
	pthread_attr_destroy(&at);
	if (!made)
		return fn(arg);
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	pthread_join(t, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return j.rc;
}
