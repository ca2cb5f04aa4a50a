package m

import "time"

// a fresh timeout on every iteration of an endless select loop
func spin(ch chan int) {
	for {
		select {
		case v := <-ch:
			_ = v
		case <-time.After(time.Second):
		}
	}
}
