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
