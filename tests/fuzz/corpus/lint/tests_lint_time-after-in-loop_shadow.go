package cases

import (
	tm "time"
)

type clock struct{}

func (clock) After(d tm.Duration) <-chan tm.Time { return nil }

// An aliased import is still package time.
func aliased(ch chan int) {
	for {
		select {
		case <-ch:
		case <-tm.After(tm.Second): // want "time-after-in-loop"
		}
	}
}

// A local variable named time is not the package.
func shadowed(ch chan int) {
	time := clock{}
	for {
		select {
		case <-ch:
		case <-time.After(tm.Second):
		}
	}
}

// A parameter named time neither.
func param(ch chan int, time clock) {
	for {
		select {
		case <-ch:
		case <-time.After(tm.Second):
		}
	}
}
