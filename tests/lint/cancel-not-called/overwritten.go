package cases

import (
	"context"
	"time"
)

// The timeout branch overwrites the cancel of the WithCancel before
// anything called it: the deferred cancel() only cancels the second.
func run(parent context.Context, d time.Duration, work func(context.Context)) {
	ctx, cancel := context.WithCancel(parent) // want "cancel-not-called"
	if d > 0 {
		ctx, cancel = context.WithTimeout(ctx, d)
	}
	defer cancel()
	work(ctx)
}

// The fixed twin: the first cancel is kept and called too.  Silent.
func runFixed(parent context.Context, d time.Duration, work func(context.Context)) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	if d > 0 {
		var cancelT context.CancelFunc
		ctx, cancelT = context.WithTimeout(ctx, d)
		defer cancelT()
	}
	work(ctx)
}

// Called before it is overwritten.  Silent.
func twoSteps(parent context.Context, work func(context.Context)) {
	ctx, cancel := context.WithCancel(parent)
	work(ctx)
	cancel()
	ctx, cancel = context.WithTimeout(parent, time.Second)
	defer cancel()
	work(ctx)
}
