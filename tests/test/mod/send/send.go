// Package send starts a worker whose result nobody reads when the caller
// gives up: the worker stays blocked on its send.
package send

import "errors"

// Fetch asks a worker for a value and gives up at once when quit is true.
func Fetch(quit bool) (int, error) {
	ch := make(chan int)
	go func() {
		ch <- 42
	}()
	if quit {
		return 0, errors.New("gave up")
	}
	return <-ch, nil
}
