package leak

import (
	"os"
	"testing"
	"time"
)

// TestLeakThenWait leaks one sender, then (with LEAKHOUND_TEST_WAIT set)
// waits so that a test can take the test binary's dump: its blocked frame
// is in this _test.go file.
func TestLeakThenWait(t *testing.T) {
	ch := make(chan int)
	go func() {
		ch <- 1
	}()
	if os.Getenv("LEAKHOUND_TEST_WAIT") != "" {
		time.Sleep(time.Minute)
	}
}
