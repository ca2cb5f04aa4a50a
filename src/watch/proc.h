/*
 * proc: what /proc says about one process (Linux).
 *
 * RSS and thread count come from /proc/PID/status, the start time from
 * field 22 of /proc/PID/stat (clock ticks since boot): together with the
 * pid it identifies one run of a program, so a restart under the same pid
 * (or a recycled pid) is noticed.  The fd count is the number of entries in
 * /proc/PID/fd, which needs the same user as the target (or root).
 */
#ifndef WATCH_PROC_H
#define WATCH_PROC_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "../base/err.h"

struct proc_sample {
	pid_t pid;
	uint64_t start_ticks;   /* process start, clock ticks since boot */
	int64_t rss;            /* bytes */
	int64_t threads;
	int64_t fds;            /* -1 when /proc/PID/fd cannot be read */
};

/* Fill s for pid.  Returns 0, or -1 with e filled ("process 123 is gone"
 * when it no longer exists). */
int proc_sample(pid_t pid, struct proc_sample *s, struct err *e);

/* The usage of a process, for leakhound's own process_* metrics. */
struct proc_usage {
	double cpu_seconds;     /* user + system CPU time */
	double start_time;      /* unix time the process started */
	int64_t rss;            /* bytes */
	int64_t vsize;          /* bytes of virtual memory */
	int64_t threads;
	int64_t fds;            /* open descriptors, -1 when unknown */
	int64_t max_fds;        /* RLIMIT_NOFILE soft limit (self only), -1 */
};

/* Fill u for pid (0: this process) from /proc/PID/stat, /proc/stat's
 * btime and /proc/PID/fd.  Returns 0, or -1 with e filled. */
int proc_usage(pid_t pid, struct proc_usage *u, struct err *e);

/* The pid of the process listening on 127.0.0.1 (or 0.0.0.0, ::) TCP port
 * port, found through /proc/net/tcp{,6} and the fds of every process we may
 * read; 0 when none is found.  Costs a scan of /proc: call it rarely. */
pid_t proc_find_listener(int port);
/* The same for n ports at once, with one scan of /proc: pids[i] the
 * listener of ports[i] (a port <= 0 is skipped), 0 when none. */
void proc_find_listeners(const int *ports, size_t n, pid_t *pids);

#endif
