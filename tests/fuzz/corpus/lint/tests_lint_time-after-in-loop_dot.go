package cases

import . "time"

// A dot import: After is time.After.
func dotted(ch chan int) {
	for {
		select {
		case <-ch:
		case <-After(Second): // want "time-after-in-loop"
		}
	}
}
