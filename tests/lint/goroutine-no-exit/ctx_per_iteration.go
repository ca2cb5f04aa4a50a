package cases

import "context"

// A context made inside a loop is cancelled, or not, iteration by
// iteration.

// silent: every iteration cancels its context.
func watchEachCancelled(ids []int, run func(context.Context, int)) {
	for _, id := range ids {
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			for {
				select {
				case <-ctx.Done():
					return
				}
			}
		}()
		run(ctx, id)
		cancel()
	}
}

// leak: a large id skips the cancel, and that iteration's goroutine never
// ends.
func watchEachSkip(ids []int, run func(context.Context, int)) {
	for _, id := range ids {
		ctx, cancel := context.WithCancel(context.Background())
		go func() { // want "goroutine-no-exit"
			for {
				select {
				case <-ctx.Done():
					return
				}
			}
		}()
		run(ctx, id)
		if id > 1000 {
			continue
		}
		cancel()
	}
}
