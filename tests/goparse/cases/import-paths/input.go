// Import paths go/parser accepts: escapes, non-ASCII letters, raw strings.
package p

import (
	"fmt"
	_ "a/b\x2fc"
	_ "héllo/wörld"
	_ `raw/path`
	_ "\u00e9t\u00e9/\101"
	. "dot/import"
	alias "with/alias"
)
