package cases

import "time"

// Reset in the other case, with no stop-and-drain (before Go 1.23).
func idle(in chan int, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case v := <-in:
			t.Reset(d) // want "timer-reset-misuse:warning"
			_ = v
		case <-t.C:
			return
		}
	}
}

// The drain in the case that already received the value: blocks forever.
func rearm(in chan int, d time.Duration) {
	t := time.NewTimer(d)
	for {
		select {
		case <-in:
		case <-t.C:
			if !t.Stop() { // want "timer-reset-misuse:error"
				<-t.C
			}
			t.Reset(d)
		}
	}
}

// A timer per iteration, never stopped.
func each(items []int, done chan int) {
	for range items {
		t := time.NewTimer(time.Minute) // want "timer-reset-misuse:warning"
		select {
		case <-done:
		case <-t.C:
		}
	}
}
