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

type job struct{ done chan struct{} }

func (j *job) Done() <-chan struct{} { return j.done }

// A Done of something made in each iteration: a fresh wait per job, with
// a fresh timer that stays pending when the job wins (before Go 1.23).
func jobs(start func() *job) {
	for {
		j := start()
		select {
		case <-j.Done():
		case <-time.After(time.Minute): // want "time-after-in-loop"
		}
	}
}

// After cancellation this case goes round again at once: a timer per spin.
func spin(ctx context.Context, work func()) {
	for {
		select {
		case <-ctx.Done():
			continue
		case <-time.After(time.Second): // want "time-after-in-loop"
			work()
		}
	}
}

// The loop never looks at ctx again: after cancellation it spins.
func backoff(ctx context.Context, try func() error) {
	for try() != nil {
		select {
		case <-ctx.Done():
		case <-time.After(time.Second): // want "time-after-in-loop"
		}
	}
}
