package cases

import "time"

// Go 1.23 collects unreferenced timers, but a pending defer references
// each one: still a pile-up.
func waitLoop(quit <-chan struct{}, d time.Duration, step func()) {
	for {
		t := time.NewTimer(d)
		defer t.Stop() // want "timer-reset-misuse:warning"
		select {
		case <-quit:
			return
		case <-t.C:
			step()
		}
	}
}
