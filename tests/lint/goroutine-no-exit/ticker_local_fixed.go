package cases

import (
	"context"
	"fmt"
	"time"
)

// The fixed twin: the goroutine also selects on a done channel closed
// when the function returns.
func pollUntilDone(ctx context.Context, check func() bool) {
	t := time.NewTicker(100 * time.Millisecond)
	done := make(chan struct{})
	defer func() {
		t.Stop()
		close(done)
	}()
	go func() {
		for {
			select {
			case <-t.C:
				fmt.Println("still waiting")
			case <-done:
				return
			}
		}
	}()
	for !check() {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

// Never stopped: a daemon ticking for ever (ticker-not-stopped's concern,
// not a goroutine blocked after Stop).
func startDaemon(work func()) {
	t := time.NewTicker(time.Minute)
	go func() {
		for range t.C {
			work()
		}
	}()
}

// The range has a way out.
func pollN(n int) {
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	go func() {
		i := 0
		for range t.C {
			if i++; i == n {
				return
			}
		}
	}()
}
