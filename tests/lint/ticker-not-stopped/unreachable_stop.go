package cases

import (
	"context"
	"time"
)

// The only Stop is after an endless loop whose one way out is a return:
// it is never reached.
func loop(ctx context.Context, tick func()) {
	t := time.NewTicker(time.Second) // want "ticker-not-stopped"
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			tick()
		}
	}
	t.Stop()
}

// The fixed twin: the Stop is deferred.  Silent.
func loopFixed(ctx context.Context, tick func()) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			tick()
		}
	}
}
