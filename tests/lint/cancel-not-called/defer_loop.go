package cases

import (
	"context"
	"time"
)

// defer cancel() in an endless loop: every iteration's context, with its
// timer, stays registered with the parent until the function returns,
// which this one never does.
func poll(ctx context.Context, check func(context.Context) error) {
	for {
		sub, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel() // want "cancel-not-called"
		if err := check(sub); err != nil {
			return
		}
	}
}

// In a case arm of a select loop.
func serve(ctx context.Context, reqs <-chan func(context.Context)) {
	for {
		select {
		case <-ctx.Done():
			return
		case f := <-reqs:
			sub, cancel := context.WithCancel(ctx)
			defer cancel() // want "cancel-not-called"
			f(sub)
		}
	}
}

// The fixed twin: cancelled at the end of the iteration.  Silent.
func pollFixed(ctx context.Context, check func(context.Context) error) {
	for {
		sub, cancel := context.WithTimeout(ctx, time.Second)
		err := check(sub)
		cancel()
		if err != nil {
			return
		}
	}
}

// The body moved into a function: its defer runs per iteration.  Silent.
func serveFixed(ctx context.Context, reqs <-chan func(context.Context)) {
	for {
		select {
		case <-ctx.Done():
			return
		case f := <-reqs:
			func() {
				sub, cancel := context.WithCancel(ctx)
				defer cancel()
				f(sub)
			}()
		}
	}
}

// The loop only goes round once the context is cancelled explicitly; the
// defer covers the early return.  Silent.
func retry(ctx context.Context, try func(context.Context) bool) {
	for {
		sub, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		if try(sub) {
			return
		}
		cancel()
	}
}

// In the arm of a one-shot timer: it fires once, so one context, not one
// per iteration (net.Dialer's fallback racer).  Silent.
func race(ctx context.Context, results <-chan error, start func(context.Context)) error {
	fallback := time.NewTimer(time.Second)
	defer fallback.Stop()
	for {
		select {
		case <-fallback.C:
			sub, cancel := context.WithCancel(ctx)
			defer cancel()
			start(sub)
		case err := <-results:
			return err
		}
	}
}
