package cases

import (
	"fmt"
	"time"
)

// The seed article's countdown: returns after ten ticks or an abort.
func countdown(abort <-chan struct{}) {
	tick := time.Tick(time.Second) // want "time-tick-leak:warning"
	for i := 10; i > 0; i-- {
		fmt.Println(i)
		select {
		case <-tick:
		case <-abort:
			return
		}
	}
}

// A method that returns.
type poller struct{ n int }

func (p *poller) wait() {
	<-time.Tick(time.Millisecond) // want "time-tick-leak"
	p.n++
}

// A loop with a break leaves the function.
func until(done func() bool) {
	for range time.Tick(time.Second) { // want "time-tick-leak"
		if done() {
			break
		}
	}
}
