package cases

import (
	"context"
	"time"
)

// The cancel is skipped only where the context is already done: its
// cancellation released the timer and the parent's reference.  Silent.
func waitOne(ctx context.Context, ch <-chan int) int {
	sub, cancel := context.WithTimeout(ctx, time.Second)
	select {
	case <-sub.Done():
		return -1
	case v := <-ch:
		cancel()
		return v
	}
}

// The same with a test of Err.  Silent.
func step(ctx context.Context, do func(context.Context) error) error {
	sub, cancel := context.WithCancel(ctx)
	err := do(sub)
	if sub.Err() != nil {
		return err
	}
	cancel()
	return err
}

// The leaky twin: the other case may leave too, with the context still
// running.
func waitLeak(ctx context.Context, ch <-chan int) int {
	sub, cancel := context.WithTimeout(ctx, time.Second) // want "cancel-not-called"
	select {
	case <-sub.Done():
		return -1
	case v := <-ch:
		if v < 0 {
			return v
		}
		cancel()
		return v
	}
}

// Done of another context says nothing about this one.
func waitOther(ctx context.Context, ch <-chan int) int {
	sub, cancel := context.WithTimeout(ctx, time.Second) // want "cancel-not-called"
	select {
	case <-ctx.Done():
		return -1
	case v := <-ch:
		cancel()
		return v + len(sub.Value("k").(string))
	}
}
