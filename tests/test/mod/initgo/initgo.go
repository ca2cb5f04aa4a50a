// Package initgo starts a background goroutine at init, before any test.
package initgo

var events = make(chan string)

func init() {
	go func() {
		for e := range events {
			_ = e
		}
	}()
}

// Emit hands an event to the background goroutine.
func Emit(e string) { events <- e }
