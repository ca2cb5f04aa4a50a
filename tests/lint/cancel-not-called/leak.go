package cases

import (
	"context"
	"time"
)

func lookup(ctx context.Context, get func(context.Context) error) error {
	ctx, _ = context.WithTimeout(ctx, time.Second) // want "cancel-not-called:warning"
	return get(ctx)
}

func early(ctx context.Context, fail bool) error {
	ctx, cancel := context.WithCancel(ctx) // want "cancel-not-called"
	if fail {
		return ctx.Err()
	}
	cancel()
	return nil
}

func never(parent context.Context) {
	ctx, stop := context.WithDeadline(parent, time.Now().Add(time.Second)) // want "cancel-not-called"
	use(ctx)
	_ = stop
}

func use(context.Context) {}

// Waiting for Done first: by then the deadline (or the parent) has
// cancelled the context, which released its timer and its place in the
// parent.  True but harmless: silent.
func waitDeadline(parent context.Context) {
	ctx, stop := context.WithDeadline(parent, time.Now().Add(time.Second))
	<-ctx.Done()
	_ = stop
}
