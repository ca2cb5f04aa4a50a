/*
 * html_adapt: fill an HTML report page (src/report/html.h) from the models
 * of the job modules, for `report` and for the `--html FILE` option of the
 * other commands.  Lives in cli because src/report depends on base only.
 */
#ifndef CLI_HTML_ADAPT_H
#define CLI_HTML_ADAPT_H

#include "../gdump/gdump.h"
#include "../pprof/pprof.h"
#include "../report/html.h"
#include "../watch/watch.h"

/* Add the groups of gs (suspects first, as ranked) as one section titled
 * title.  Everything is copied: gs may be released afterwards. */
void cli_html_add_groups(struct report_page *p, const struct gdump_groups *gs,
			 const char *title);

/* Add the flame graph of p (not modified) as an interactive SVG; with base,
 * the diff flame graph of p against base (coloured by growth).  sample_index
 * NULL: the default.  0, or -1 with e filled. */
int cli_html_add_flame(struct report_page *p, const char *title,
		       struct pprof_profile *prof, struct pprof_profile *base,
		       const char *sample_index, struct err *e);

/* Add the call graph of p (not modified; with base, of p minus base) as
 * `leakhound graph --format svg` draws it, at most nodecount nodes (0:
 * pprof's 80).  0, or -1 with e filled (a Graphviz error included). */
int cli_html_add_graph(struct report_page *p, const char *title,
		       struct pprof_profile *prof, struct pprof_profile *base,
		       const char *sample_index, int nodecount, struct err *e);

/* Add the flame graph of the goroutine groups gs (one stack per group,
 * weighted by its count).  0, or -1 with e filled. */
int cli_html_add_goroutine_flame(struct report_page *p, const char *title,
				 const struct gdump_groups *gs, struct err *e);

/* Add a watch recording: charts of RSS, heap in use and goroutines (and of
 * any other series judged a leak) with samples, gaps, warm-up, trend and the
 * moment of the verdict; the goroutine groups of the latest goroutine
 * profile compared with the first of the verdict's window; flame graphs of
 * the heap growth and of the latest heap and goroutine profiles; target and
 * times for the footer.  w must have its store (w->store) for the profiles;
 * v are its verdicts (watch_evaluate).  Findings are the caller's
 * (watch_findings). */
void cli_html_add_watch(struct report_page *p, const struct watch *w,
			const struct watch_verdict *v);

/* Compare gs (the goroutines at the end of recording w: run's dump) with
 * the first goroutine profile of the goroutines' verdict window, the one
 * the page's table and watch's findings compare with (gdump_compare):
 * the sample compared with, or -1 when the recording has none. */
long cli_recorded_compare(const struct watch *w, const struct watch_verdict *v,
			  struct gdump_groups *gs);

/* The Go version a Go binary was built with ("go1.19.8"), from its build
 * information (Go 1.18 and later), appended to out.  0, or -1 when path
 * cannot be read or is not such a binary. */
int cli_go_version(const char *path, struct sb *out);

/* Write the page to path: "leakhound: cannot write ..." and -1 on error.
 * Sets the page's command line first: the arguments as typed when main
 * kept them (cli_invocation_set), else argc/argv (argv[0] is the command
 * name). */
int cli_html_write(struct report_page *p, const char *path, int argc,
		   char **argv);

#endif
