//go:debug asynctimerchan=1

package main

import "time"

// Go 1.23 module, but this main package restores the old timers.
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

func main() { countdown(nil) }
