package cases

import (
	"testing"
	"time"
)

// The other case ends the test: the loop only goes on after the timer fired.
func TestWaitGC(t *testing.T) {
	done := make(chan bool)
	deadline := time.NewTimer(time.Minute)
	defer deadline.Stop()
	for {
		select {
		case <-done:
			return
		case <-time.After(100 * time.Millisecond):
		case <-deadline.C:
			t.Fatal("never done")
		}
	}
}
