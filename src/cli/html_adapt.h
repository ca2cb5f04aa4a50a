/*
 * html_adapt: fill an HTML report page (src/report/html.h) from the models
 * of the job modules, for `report` and for the `--html FILE` option of the
 * other commands.  Lives in cli because src/report depends on base only.
 */
#ifndef CLI_HTML_ADAPT_H
#define CLI_HTML_ADAPT_H

#include "../gdump/gdump.h"
#include "../report/html.h"

/* Add the groups of gs (suspects first, as ranked) as one section titled
 * title.  Everything is copied: gs may be released afterwards. */
void cli_html_add_groups(struct report_page *p, const struct gdump_groups *gs,
			 const char *title);

/* Write the page to path: "leakhound: cannot write ..." and -1 on error.
 * Sets the page's command line from argc/argv first (argv[0] is the
 * command name). */
int cli_html_write(struct report_page *p, const char *path, int argc,
		   char **argv);

#endif
