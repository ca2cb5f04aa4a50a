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

// A timeout per send: each send gets its own deadline, which is what
// re-arming does, and the timers are collected.  Silent.
func forward(in <-chan string, out chan<- string, done <-chan struct{}) {
	for v := range in {
		select {
		case out <- v:
		case <-done:
			return
		case <-time.After(time.Second):
		}
	}
}

// A receive and a send: the receive re-arms the timeout too.  A note.
func pump(in <-chan string, out chan<- string) {
	for {
		select {
		case v := <-in:
			_ = v
		case out <- "tick":
		case <-time.After(time.Second): // want "time-after-in-loop:note"
		}
	}
}
