/*
 * httpd: the HTTP servers leakhound runs (watch --listen's /metrics, the
 * `ui` command's pages), on GNU libmicrohttpd with its own polling thread.
 * What they share lives here: the HOST:PORT parsing, the loopback check
 * and its warning, starting the daemon and learning the port it bound
 * (":0" picks a free one), and queuing a reply.
 * Ownership: the daemon belongs to the caller (MHD_stop_daemon); replies
 * copy or take the bodies as their function says.
 */
#ifndef CLI_HTTPD_H
#define CLI_HTTPD_H

#include <microhttpd.h>
#include <stddef.h>

#if MHD_VERSION < 0x00097002
typedef int cli_mhd_result;
#else
typedef enum MHD_Result cli_mhd_result;
#endif

/* 1 if addr is HOST:PORT, [V6]:PORT or :PORT (loopback), else 0. */
int cli_httpd_addr_ok(const char *addr);

/* 1 if addr (valid for cli_httpd_addr_ok) is a loopback address. */
int cli_httpd_is_loopback(const char *addr);

/* 1 if the Host header of a request (NULL: none) names a loopback host:
 * localhost, 127.x.y.z or [::1], with or without a port.  A server bound
 * to loopback refuses other names, so that a web page elsewhere cannot
 * reach it through a DNS name that resolves to 127.0.0.1 (rebinding). */
int cli_httpd_host_is_loopback(const char *host);

/* Serve addr with handler cb(cls, ...) on an internal polling thread (or
 * more: extra_flags are MHD_USE_* flags added, e.g. a thread per
 * connection).  opt
 * names the option in messages ("--listen"); exposed says what a
 * non-loopback address would serve to the network (the warning printed
 * then).  *port (when not NULL) gets the port bound.  NULL after printing
 * an error. */
struct MHD_Daemon *cli_httpd_start(const char *opt, const char *addr,
				   const char *exposed, unsigned extra_flags,
				   MHD_AccessHandlerCallback cb, void *cls,
				   unsigned *port);

/* Queue a reply of code with Content-Type type.  With take, body is a
 * malloc'ed buffer the response frees; otherwise it must be static. */
cli_mhd_result cli_httpd_reply(struct MHD_Connection *conn, unsigned code,
			       const char *type, const void *body, size_t len,
			       int take);

#endif
