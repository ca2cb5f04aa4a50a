package cases

import "time"

// Go 1.23 with godebug asynctimerchan=1 in go.mod: the old timers.
func countdown(abort <-chan struct{}) {
	tick := time.Tick(time.Second) // want "time-tick-leak"
	for i := 10; i > 0; i-- {
		select {
		case <-tick:
		case <-abort:
			return
		}
	}
}
