// Package loop starts a spinning goroutine that nothing stops.
package loop

import "sync/atomic"

var n int64

// Spin counts for ever.
func Spin() {
	go func() {
		for {
			atomic.AddInt64(&n, 1)
		}
	}()
}
