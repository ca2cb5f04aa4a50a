package cases

import "time"

// Go 1.23: Reset without drain is safe, and a per-iteration timer is
// collected.
func idle(in chan int, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case <-in:
			t.Reset(d)
		case <-t.C:
			return
		}
	}
}

func each(items []int, done chan int) {
	for range items {
		t := time.NewTimer(time.Minute)
		select {
		case <-done:
		case <-t.C:
		}
	}
}
