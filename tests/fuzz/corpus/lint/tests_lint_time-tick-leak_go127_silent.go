package cases

import "time"

// A Go 1.27 toolchain removed asynctimerchan: the new timers apply.
func countdown(abort <-chan struct{}) {
	tick := time.Tick(time.Second)
	for i := 10; i > 0; i-- {
		select {
		case <-tick:
		case <-abort:
			return
		}
	}
}
