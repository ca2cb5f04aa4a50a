package cases

import (
	"context"
	"time"
)

func lookup(ctx context.Context, get func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return get(ctx)
}

// Returned to the caller.
func derive(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	return ctx, cancel
}

// Stored in a struct.
type server struct{ stop context.CancelFunc }

func (s *server) start(ctx context.Context) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	s.stop = cancel
	return ctx
}

// (the field model follows the field: a method calls it)
func (s *server) Close() { s.stop() }

// Called from a deferred closure.
func closure(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	defer func() {
		cancel()
	}()
	<-ctx.Done()
}

// Given to a goroutine.
func watchdog(ctx context.Context, d time.Duration) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		time.Sleep(d)
		cancel()
	}()
	return ctx
}

// Called by a function of this package.
func call(f context.CancelFunc) { f() }

func delegated(ctx context.Context) {
	_, cancel := context.WithCancel(ctx)
	call(cancel)
}

// Sent on a channel.
func send(ctx context.Context, out chan context.CancelFunc) {
	_, cancel := context.WithCancel(ctx)
	out <- cancel
}

// Every path.
func paths(ctx context.Context, fail bool) error {
	ctx, cancel := context.WithCancel(ctx)
	if fail {
		cancel()
		return ctx.Err()
	}
	cancel()
	return nil
}

// Called in a loop's iteration.
func loop(ctx context.Context, n int) {
	for i := 0; i < n; i++ {
		c, cancel := context.WithTimeout(ctx, time.Second)
		<-c.Done()
		cancel()
	}
}
