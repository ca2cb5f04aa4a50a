package cases

import (
	"context"
	"time"
)

// A retry loop that sleeps between tries, cancellably: the timer fires
// every time unless the context is done, and the next iteration returns
// then (moby's test daemon start-up).  Silent.
func waitReady(ctx context.Context, ping func() error) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		if ping() == nil {
			return nil
		}
		select {
		case <-ctx.Done():
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// Done() beside a receive that keeps the loop going: the timeout is
// re-armed by every message.
func drain(ctx context.Context, ch chan int) {
	for {
		select {
		case <-ctx.Done():
		case v := <-ch:
			_ = v
		case <-time.After(time.Minute): // want "time-after-in-loop"
			return
		}
	}
}
