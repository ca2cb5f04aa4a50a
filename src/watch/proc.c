/*
 * proc: /proc readers.  Every file is read whole into a small buffer: the
 * kernel builds them on read, so one read() gives one consistent snapshot.
 */
#include "proc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static ssize_t read_small(const char *path, char *buf, size_t cap)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n, total = 0;

	if (fd < 0)
		return -1;
	while ((size_t)total < cap - 1) {
		n = read(fd, buf + total, cap - 1 - total);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		total += n;
	}
	close(fd);
	buf[total] = '\0';
	return total;
}

static int64_t status_field(const char *text, const char *name)
{
	const char *p = strstr(text, name);

	if (!p)
		return -1;
	p += strlen(name);
	return strtoll(p, NULL, 10);
}

int proc_sample(pid_t pid, struct proc_sample *s, struct err *e)
{
	char path[64], buf[4096];
	const char *p;
	DIR *d;
	struct dirent *de;
	int field;

	memset(s, 0, sizeof(*s));
	s->pid = pid;
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (read_small(path, buf, sizeof(buf)) <= 0)
		return err_setf(e, "process %d is gone", (int)pid);
	/* the command name (field 2) may hold spaces and parentheses: fields
	 * are counted from the last ')' */
	p = strrchr(buf, ')');
	if (!p)
		return err_setf(e, "cannot parse '%s'", path);
	for (field = 2; *p && field < 22; p++)
		if (*p == ' ')
			field++;
	s->start_ticks = strtoull(p, NULL, 10);
	if (strstr(buf, ") Z ") || strstr(buf, ") X "))
		return err_setf(e, "process %d has exited", (int)pid);

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if (read_small(path, buf, sizeof(buf)) <= 0)
		return err_setf(e, "process %d is gone", (int)pid);
	s->rss = status_field(buf, "\nVmRSS:");
	if (s->rss >= 0)
		s->rss *= 1024;
	s->threads = status_field(buf, "\nThreads:");

	snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	d = opendir(path);
	if (!d) {
		s->fds = -1;
	} else {
		while ((de = readdir(d)) != NULL)
			if (de->d_name[0] != '.')
				s->fds++;
		closedir(d);
	}
	return 0;
}

static int64_t count_fds(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	int64_t n = 0;

	if (!d)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

/* The "btime" of /proc/stat (unix time of boot), or 0.  Read by lines: the
 * "intr" line before it is long on machines with many interrupts. */
static double boot_time(void)
{
	FILE *fp = fopen("/proc/stat", "re");
	char *line = NULL;
	size_t cap = 0;
	double t = 0;

	if (!fp)
		return 0;
	while (getline(&line, &cap, fp) > 0)
		if (!strncmp(line, "btime ", 6)) {
			t = (double)strtoull(line + 6, NULL, 10);
			break;
		}
	free(line);
	fclose(fp);
	return t;
}

int proc_usage(pid_t pid, struct proc_usage *u, struct err *e)
{
	char path[64], buf[4096];
	unsigned long long f[64];
	const char *p;
	double bt;
	double tick = (double)sysconf(_SC_CLK_TCK);
	long page = sysconf(_SC_PAGESIZE);
	int field, nf;
	struct rlimit rl;

	memset(u, 0, sizeof(*u));
	if (pid > 0)
		snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	else
		snprintf(path, sizeof(path), "/proc/self/stat");
	if (read_small(path, buf, sizeof(buf)) <= 0)
		return err_setf(e, "cannot read %s", path);
	/* fields counted from the last ')': the command may hold both */
	p = strrchr(buf, ')');
	if (!p || p[1] != ' ' || !p[2])
		return err_setf(e, "cannot parse %s", path);
	p += 4;  /* past ") S " to field 4 */
	for (nf = 0, field = 4; *p && field < 4 + 64; field++, nf++) {
		char *end;

		f[nf] = strtoull(p, &end, 10);
		if (end == p)
			break;
		p = *end ? end + 1 : end;
	}
	if (nf < 24 - 4 + 1)
		return err_setf(e, "cannot parse %s: %d fields", path, nf + 3);
	if (tick <= 0)
		tick = 100;
	/* 14 utime, 15 stime, 20 num_threads, 22 starttime, 23 vsize,
	 * 24 rss (pages) */
	u->cpu_seconds = (double)(f[14 - 4] + f[15 - 4]) / tick;
	u->threads = (int64_t)f[20 - 4];
	u->vsize = (int64_t)f[23 - 4];
	u->rss = (int64_t)f[24 - 4] * (page > 0 ? page : 4096);
	bt = boot_time();
	if (bt > 0)
		u->start_time = bt + (double)f[22 - 4] / tick;
	if (pid > 0)
		snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	else
		snprintf(path, sizeof(path), "/proc/self/fd");
	u->fds = count_fds(path);
	u->max_fds = pid <= 0 && getrlimit(RLIMIT_NOFILE, &rl) == 0 &&
		     rl.rlim_cur != RLIM_INFINITY ? (int64_t)rl.rlim_cur : -1;
	return 0;
}

/* The socket inode listening on port in one /proc/net/tcp* table, or 0. */
static unsigned long listen_inode(const char *table, int port)
{
	FILE *f = fopen(table, "re");
	char line[512];
	unsigned long inode = 0;

	if (!f)
		return 0;
	if (!fgets(line, sizeof(line), f)) {
		fclose(f);
		return 0;
	}
	while (fgets(line, sizeof(line), f)) {
		char local[128];
		unsigned st, lport;
		unsigned long ino;
		const char *colon;
		if (sscanf(line, "%*d: %127s %*s %x %*s %*s %*s %*d %*d %lu",
			   local, &st, &ino) != 3)
			continue;
		colon = strrchr(local, ':');
		if (!colon || st != 0x0A) /* TCP_LISTEN */
			continue;
		lport = (unsigned)strtoul(colon + 1, NULL, 16);
		if ((int)lport == port) {
			inode = ino;
			break;
		}
	}
	fclose(f);
	return inode;
}

pid_t proc_find_listener(int port)
{
	unsigned long inode = listen_inode("/proc/net/tcp", port);
	char want[64], path[600], link[128];
	DIR *d, *fdd;
	struct dirent *de, *fe;
	pid_t found = 0;

	if (!inode)
		inode = listen_inode("/proc/net/tcp6", port);
	if (!inode)
		return 0;
	snprintf(want, sizeof(want), "socket:[%lu]", inode);
	d = opendir("/proc");
	if (!d)
		return 0;
	while (!found && (de = readdir(d)) != NULL) {
		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/fd", de->d_name);
		fdd = opendir(path);
		if (!fdd)
			continue;
		while ((fe = readdir(fdd)) != NULL) {
			ssize_t n;
			if (fe->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "/proc/%s/fd/%s",
				 de->d_name, fe->d_name);
			n = readlink(path, link, sizeof(link) - 1);
			if (n <= 0)
				continue;
			link[n] = '\0';
			if (!strcmp(link, want)) {
				found = (pid_t)atoi(de->d_name);
				break;
			}
		}
		closedir(fdd);
	}
	closedir(d);
	return found;
}

void proc_find_listeners(const int *ports, size_t n, pid_t *pids)
{
	unsigned long *inodes;
	char path[600], link[128];
	size_t i, left = 0;
	DIR *d, *fdd;
	struct dirent *de, *fe;

	for (i = 0; i < n; i++)
		pids[i] = 0;
	if (!n)
		return;
	inodes = calloc(n, sizeof(*inodes));
	if (!inodes)
		return;
	for (i = 0; i < n; i++) {
		if (ports[i] <= 0)
			continue;
		inodes[i] = listen_inode("/proc/net/tcp", ports[i]);
		if (!inodes[i])
			inodes[i] = listen_inode("/proc/net/tcp6", ports[i]);
		left += inodes[i] != 0;
	}
	d = left ? opendir("/proc") : NULL;
	while (d && left && (de = readdir(d)) != NULL) {
		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/fd", de->d_name);
		fdd = opendir(path);
		if (!fdd)
			continue;
		while (left && (fe = readdir(fdd)) != NULL) {
			unsigned long ino;
			ssize_t len;
			if (fe->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "/proc/%s/fd/%s",
				 de->d_name, fe->d_name);
			len = readlink(path, link, sizeof(link) - 1);
			if (len <= 8)
				continue;
			link[len] = '\0';
			if (strncmp(link, "socket:[", 8))
				continue;
			ino = strtoul(link + 8, NULL, 10);
			for (i = 0; i < n; i++)
				if (inodes[i] == ino && !pids[i]) {
					pids[i] = (pid_t)atoi(de->d_name);
					left--;
				}
		}
		closedir(fdd);
	}
	if (d)
		closedir(d);
	free(inodes);
}
