/*
 * httpd: the shared pieces of leakhound's HTTP servers (see httpd.h).
 * Binding goes through MHD_OPTION_SOCK_ADDR so that the address the user
 * gave is the one bound: loopback stays loopback.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "cli.h"
#include "httpd.h"

/* "HOST:PORT", "[V6]:PORT" or ":PORT" (loopback).  0 or -1. */
static int parse_addr(const char *s, struct sockaddr_storage *ss, int *loopback)
{
	const char *colon = strrchr(s, ':');
	char host[128];
	size_t hl;
	long port;
	char *end;

	if (!colon)
		return -1;
	port = strtol(colon + 1, &end, 10);
	if (*end || colon[1] == 0 || port < 0 || port > 65535)
		return -1;
	hl = (size_t)(colon - s);
	if (hl >= sizeof(host))
		return -1;
	memcpy(host, s, hl);
	host[hl] = 0;
	memset(ss, 0, sizeof(*ss));
	if (hl == 0)
		strcpy(host, "127.0.0.1");
	if (host[0] == '[' && hl > 2 && host[hl - 1] == ']') {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
		host[hl - 1] = 0;
		if (inet_pton(AF_INET6, host + 1, &a->sin6_addr) != 1)
			return -1;
		a->sin6_family = AF_INET6;
		a->sin6_port = htons((unsigned short)port);
		*loopback = IN6_IS_ADDR_LOOPBACK(&a->sin6_addr);
		return 0;
	}
	{
		struct sockaddr_in *a = (struct sockaddr_in *)ss;
		if (!strcmp(host, "localhost"))
			strcpy(host, "127.0.0.1");
		if (inet_pton(AF_INET, host, &a->sin_addr) != 1)
			return -1;
		a->sin_family = AF_INET;
		a->sin_port = htons((unsigned short)port);
		*loopback = (ntohl(a->sin_addr.s_addr) >> 24) == 127;
		return 0;
	}
}

int cli_httpd_addr_ok(const char *addr)
{
	struct sockaddr_storage ss;
	int lo;

	return parse_addr(addr, &ss, &lo) == 0;
}

int cli_httpd_is_loopback(const char *addr)
{
	struct sockaddr_storage ss;
	int lo = 0;

	return parse_addr(addr, &ss, &lo) == 0 && lo;
}

int cli_httpd_host_is_loopback(const char *host)
{
	char h[128];
	size_t n;
	const char *colon;
	struct in_addr a;

	if (!host || !*host)
		return 0;
	if (host[0] == '[') {
		const char *end = strchr(host, ']');
		return end && (size_t)(end - host) == 4 && !strncmp(host, "[::1]", 5) &&
		       (!end[1] || end[1] == ':');
	}
	colon = strchr(host, ':');
	n = colon ? (size_t)(colon - host) : strlen(host);
	if (n == 0 || n >= sizeof(h))
		return 0;
	memcpy(h, host, n);
	h[n] = 0;
	if (!strcasecmp(h, "localhost"))
		return 1;
	return inet_pton(AF_INET, h, &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

struct MHD_Daemon *cli_httpd_start(const char *opt, const char *addr,
				   const char *exposed, unsigned extra_flags,
				   MHD_AccessHandlerCallback cb, void *cls,
				   unsigned *port)
{
	struct sockaddr_storage ss;
	int lo = 0;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | extra_flags;
	unsigned short want;
	struct MHD_Daemon *d;

	if (parse_addr(addr, &ss, &lo) < 0) {
		cli_error("%s: '%s' is not HOST:PORT (127.0.0.1:9464, "
			  "[::1]:9464)", opt, addr);
		return NULL;
	}
	if (!lo)
		cli_warn("%s %s is not a loopback address: %s served to the "
			 "network", opt, addr, exposed);
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	want = ntohs(ss.ss_family == AF_INET6
		     ? ((struct sockaddr_in6 *)&ss)->sin6_port
		     : ((struct sockaddr_in *)&ss)->sin_port);
	d = MHD_start_daemon(flags, want, NULL, NULL, cb, cls,
			     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
			     MHD_OPTION_CONNECTION_TIMEOUT, 10u,
			     MHD_OPTION_CONNECTION_LIMIT, 32u,
			     MHD_OPTION_END);
	if (!d) {
		cli_error("%s: cannot serve on %s (address in use?)", opt, addr);
		return NULL;
	}
	if (port) {
		const union MHD_DaemonInfo *i =
			MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
		*port = i && i->port ? i->port : want;
	}
	return d;
}

cli_mhd_result cli_httpd_reply(struct MHD_Connection *conn, unsigned code,
			       const char *type, const void *body, size_t len,
			       int take)
{
	struct MHD_Response *r;
	cli_mhd_result ret;

	r = MHD_create_response_from_buffer(len, (void *)body,
					    take ? MHD_RESPMEM_MUST_FREE
						 : MHD_RESPMEM_PERSISTENT);
	if (!r) {
		if (take)
			free((void *)body);
		return MHD_NO;
	}
	if (type)
		MHD_add_response_header(r, "Content-Type", type);
	ret = MHD_queue_response(conn, code, r);
	MHD_destroy_response(r);
	return ret;
}
