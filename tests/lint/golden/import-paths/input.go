package cases

import (
	xctx "golang.org/x/net/context"
	vctx "example.com/app/vendor/context"
	stdctx "context"
)

// golang.org/x/net/context is context (its names are aliases of the
// standard ones), under an alias too.
func xnet(parent xctx.Context) {
	ctx, cancel := xctx.WithCancel(parent) // reported
	_ = ctx.Value("k")
	_ = cancel
}

// Its fixed twin.  Silent.
func xnetFixed(parent xctx.Context) {
	ctx, cancel := xctx.WithCancel(parent)
	defer cancel()
	_ = ctx.Value("k")
}

// A vendored copy of the standard package is the same package.
func vendored(parent vctx.Context) {
	ctx, cancel := vctx.WithTimeout(parent, 1) // reported
	_ = ctx.Value("k")
	_ = cancel
}

// Its fixed twin.  Silent.
func vendoredFixed(parent vctx.Context) {
	ctx, cancel := vctx.WithTimeout(parent, 1)
	defer cancel()
	_ = ctx.Value("k")
}

// An alias of the standard import.
func aliased(parent stdctx.Context) {
	ctx, cancel := stdctx.WithCancel(parent) // reported
	_ = ctx.Value("k")
	_ = cancel
}

// Its fixed twin.  Silent.
func aliasedFixed(parent stdctx.Context) {
	ctx, cancel := stdctx.WithCancel(parent)
	defer cancel()
	_ = ctx.Value("k")
}
