package cases

import (
	"context"
	"time"
)

func poll(ctx context.Context, check func()) error {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			check()
		}
	}
}

// Ownership moves: returned to the caller.
func start() *time.Ticker {
	t := time.NewTicker(time.Second)
	return t
}

// Stored in a field that a method stops.
type pump struct{ t *time.Ticker }

func (p *pump) open()  { p.t = time.NewTicker(time.Second) }
func (p *pump) close() { p.t.Stop() }

// Sent on a channel.
func hand(out chan *time.Ticker) {
	t := time.NewTicker(time.Second)
	out <- t
}

// Stopped in a deferred closure.
func closure() {
	t := time.NewTicker(time.Second)
	defer func() {
		t.Stop()
	}()
	<-t.C
}

// Passed to a function of this package that stops it.
func stopLater(t *time.Ticker) { t.Stop() }

func delegated() {
	t := time.NewTicker(time.Second)
	<-t.C
	stopLater(t)
}

// Passed to a function we cannot see: silent.
func unknown(register func(*time.Ticker)) {
	t := time.NewTicker(time.Second)
	register(t)
}

// Owned by a goroutine.
func background() {
	t := time.NewTicker(time.Second)
	go func() {
		for range t.C {
		}
	}()
}

// Every path stops it, including the early return.
func paths(fail bool) error {
	t := time.NewTicker(time.Second)
	if fail {
		t.Stop()
		return context.Canceled
	}
	<-t.C
	t.Stop()
	return nil
}

// Stopped before the next iteration creates another one.
func renew(n int) {
	t := time.NewTicker(time.Second)
	for i := 0; i < n; i++ {
		t.Stop()
		t = time.NewTicker(2 * time.Second)
	}
	t.Stop()
}
