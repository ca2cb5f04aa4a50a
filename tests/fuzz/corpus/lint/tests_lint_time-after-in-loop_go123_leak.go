package cases

import "time"

// Go 1.23: the timers are collected, the timeout still re-arms: a note.
func consume(ch chan string) {
	for {
		select {
		case <-ch:
		case <-time.After(3 * time.Minute): // want "time-after-in-loop:note"
		}
	}
}
