/*
 * gv: DOT to SVG with Graphviz's libgvc.
 *
 * Graphviz reports problems through agerr(), which by default writes to
 * stderr; library code must not print, so an error hook collects the
 * messages into a buffer for the duration of one call and the previous
 * hook is put back afterwards.  Everything Graphviz allocates is released
 * in reverse order (layout, graph, render buffer, context) so the tool stays
 * clean under LeakSanitizer.
 *
 * The context gets only two builtin plugins, the dot layout and the core
 * renderers (svg among them), linked in by the Makefile: gvContext() would
 * load every plugin of the system's config, pango's text layout among them,
 * whose fontconfig state is never freed and whose text sizes depend on the
 * fonts installed.  Graphviz's own font metrics (Times, as in our DOT) make
 * the same layout on every machine.
 *
 * Graphviz 2.43's dot layout itself leaks: the virtual nodes of a cluster's
 * skeleton (build_skeleton; pprof's legend is a cluster) and the virtual
 * edges acyclic() makes to break a cycle (a recursion) are never freed,
 * ~100 bytes to a few KB per layout.  LeakSanitizer cannot be told to
 * ignore them by suppression (libgvc has no frame pointers to match), so in
 * sanitizer builds leak checking is paused around gvLayout only; what our
 * code owns (the graph, the render buffer, the context) stays checked.
 */
#include "gv.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define GV_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GV_LSAN 1
#endif
#endif
#ifdef GV_LSAN
#include <sanitizer/lsan_interface.h>
#define GV_LSAN_OFF() __lsan_disable()
#define GV_LSAN_ON() __lsan_enable()
#else
#define GV_LSAN_OFF() ((void)0)
#define GV_LSAN_ON() ((void)0)
#endif

extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;

static lt_symlist_t gv_builtins[] = {
	{ "gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library },
	{ "gvplugin_core_LTX_library", &gvplugin_core_LTX_library },
	{ NULL, NULL },
};

/* Messages from Graphviz during the current call (truncated). */
static char gv_msg[512];
static size_t gv_msg_len;

static int gv_collect(char *msg)
{
	size_t n = strlen(msg);

	if (gv_msg_len + n >= sizeof gv_msg)
		n = sizeof gv_msg - 1 - gv_msg_len;
	memcpy(gv_msg + gv_msg_len, msg, n);
	gv_msg_len += n;
	gv_msg[gv_msg_len] = '\0';
	return 0;
}

/* The first line of the collected messages, for an error message. */
static const char *gv_first_line(void)
{
	char *nl;

	if (!gv_msg_len)
		return "unknown error";
	nl = strchr(gv_msg, '\n');
	if (nl)
		*nl = '\0';
	return gv_msg;
}

int gv_dot_to_svg(const char *dot, size_t len, struct sb *out, struct err *e)
{
	agusererrf old_hook;
	GVC_t *gvc;
	Agraph_t *g;
	char *data = NULL;
	unsigned int n = 0;
	char *text;
	int laid, rc = -1;

	if (len > INT_MAX)
		return err_setf(e, "graphviz: graph of %zu bytes is too large", len);
	/* agmemread wants a NUL-terminated string. */
	text = memchr(dot, '\0', len) ? NULL : strndup(dot, len);
	if (!text)
		return err_setf(e, "graphviz: graph text contains a NUL byte");
	gv_msg_len = 0;
	gv_msg[0] = '\0';
	old_hook = agseterrf(gv_collect);
	agreseterrors();
	gvc = gvContextPlugins(gv_builtins, 0);
	if (!gvc) {
		err_setf(e, "graphviz: cannot create a context");
		goto out_hook;
	}
	g = agmemread(text);
	if (!g || agerrors()) {
		err_setf(e, "graphviz: cannot read the graph: %s", gv_first_line());
		goto out_graph;
	}
	GV_LSAN_OFF();
	laid = gvLayout(gvc, g, "dot");
	GV_LSAN_ON();
	if (laid != 0) {
		err_setf(e, "graphviz: layout failed: %s", gv_first_line());
		goto out_graph;
	}
	if (gvRenderData(gvc, g, "svg", &data, &n) != 0 || !data) {
		err_setf(e, "graphviz: cannot render svg: %s", gv_first_line());
		goto out_layout;
	}
	sb_add(out, data, n);
	rc = 0;
out_layout:
	if (data)
		gvFreeRenderData(data);
	gvFreeLayout(gvc, g);
out_graph:
	if (g)
		agclose(g);
	gvFreeContext(gvc);
out_hook:
	agseterrf(old_hook);
	free(text);
	return rc;
}
