package cases

import (
	"context"
	"time"
)

type syncReq struct{ done chan error }

// A ticker declared in a var ( ... ) block with other locals: the loop
// returns when the context ends and nothing stops it.
func watchSync(ctx context.Context, reqs <-chan syncReq, check func() bool) {
	var (
		pending []syncReq
		tick    = time.NewTicker(5 * time.Second) // want "ticker-not-stopped:warning"
	)
	for {
		select {
		case r := <-reqs:
			pending = append(pending, r)
		case <-tick.C:
			if check() {
				for _, r := range pending {
					r.done <- nil
				}
				pending = nil
			}
		case <-ctx.Done():
			return
		}
	}
}

// The same block, stopped by a defer: silent.
func watchSyncStopped(ctx context.Context, check func() bool) {
	var (
		n    int
		tick = time.NewTicker(time.Second)
	)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			if check() {
				n++
			}
		case <-ctx.Done():
			return
		}
	}
}
