package cases

import (
	"context"
	"time"
)

func poll(ctx context.Context, check func()) error {
	t := time.NewTicker(time.Second) // want "ticker-not-stopped:warning"
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			check()
		}
	}
}

// Stopped on one path only.
func early(stop bool) {
	t := time.NewTicker(time.Second) // want "ticker-not-stopped"
	if stop {
		return
	}
	<-t.C
	t.Stop()
}

// Discarded.
func discard() {
	time.NewTicker(time.Second) // want "ticker-not-stopped"
}

// A new ticker per iteration, never stopped.
func perItem(items []int) {
	for range items {
		t := time.NewTicker(time.Millisecond) // want "ticker-not-stopped"
		<-t.C
	}
}

// A struct field that nothing in the package stops.
type monitor struct {
	ticker *time.Ticker
}

func newMonitor() *monitor {
	return &monitor{ticker: time.NewTicker(time.Second)} // want "ticker-not-stopped"
}

func (m *monitor) wait() { <-m.ticker.C }
