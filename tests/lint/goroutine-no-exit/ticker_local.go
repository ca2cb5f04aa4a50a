package cases

import (
	"context"
	"fmt"
	"time"
)

// The ticker is stopped when the function returns, but Stop does not
// close C: the goroutine ranging over it is blocked for ever after that,
// one per call.
func pollUntilDone(ctx context.Context, check func() bool) {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	go func() { // want "goroutine-no-exit:warning"
		for range t.C {
			fmt.Println("still waiting")
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
