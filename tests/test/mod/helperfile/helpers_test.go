package helperfile_test

import (
	"testing"

	"example.com/leakytests/helperfile"
)

// startPinger, in another file than the tests, starts a goroutine that
// starts the pinger: the leaked goroutine's creator is a closure of this
// helper, two goroutines away from the test.
func startPinger(t *testing.T) chan int {
	t.Helper()
	ch := make(chan int)
	go func() {
		go helperfile.Ping(ch)
	}()
	return ch
}
