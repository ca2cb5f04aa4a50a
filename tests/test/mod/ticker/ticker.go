// Package ticker starts a periodic goroutine with no way to stop it.
package ticker

import "time"

var ticks int

// Start polls every 10ms for ever.
func Start() {
	t := time.NewTicker(10 * time.Millisecond)
	go func() {
		for range t.C {
			ticks++
		}
	}()
}
