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
	<-ctx.Done()
	_ = stop
}
