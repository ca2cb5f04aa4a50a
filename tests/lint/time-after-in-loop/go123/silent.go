package cases

import "time"

// Go 1.23: the timers are collected, so nothing piles up; the timeout
// re-arms with each message, which an idle timeout wants.  Not a leak:
// silent (the same loop with Go 1.22 timers is a warning: ../leak.go).
func consume(ch chan string) {
	for {
		select {
		case <-ch:
		case <-time.After(3 * time.Minute):
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

// A receive and a send: the receive re-arms the timeout too.  Silent
// with Go 1.23 timers.
func pump(in <-chan string, out chan<- string) {
	for {
		select {
		case v := <-in:
			_ = v
		case out <- "tick":
		case <-time.After(time.Second):
		}
	}
}

type consumer struct {
	ctx interface{ Done() <-chan struct{} }
	ch  chan string
}

// A timeout per send to each consumer, with a cancellation case that
// falls through to the next consumer (nomad's event broadcaster).  Silent.
func broadcast(cs []consumer, ev string) {
	for _, c := range cs {
		select {
		case <-time.After(time.Second):
		case <-c.ctx.Done():
			close(c.ch)
		case c.ch <- ev:
		}
	}
}
