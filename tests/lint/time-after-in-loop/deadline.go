package cases

import "time"

// The remaining time to one fixed deadline: every timer fires at the same
// instant, and the select returns then.  Not a fresh timeout.  Silent.
func untilDeadline(in <-chan int, deadline time.Time) int {
	n := 0
	for {
		select {
		case <-in:
			n++
		case <-time.After(deadline.Sub(time.Now())):
			return n
		}
	}
}

// wait - time.Since(start), start fixed before the loop.  Silent.
func waitFor(in <-chan int, wait time.Duration) int {
	start := time.Now()
	n := 0
	for {
		select {
		case <-in:
			n++
		case <-time.After(wait - time.Since(start)):
			return n
		}
	}
}

// time.Until(deadline).  Silent.
func until(in <-chan int, deadline time.Time) int {
	n := 0
	for {
		select {
		case <-in:
			n++
		case <-time.After(time.Until(deadline)):
			return n
		}
	}
}

// The leaky twin: the start moves with every iteration, so this is a fresh
// timeout each time.
func waitMoving(in <-chan int, wait time.Duration) int {
	n := 0
	for {
		start := time.Now()
		select {
		case <-in:
			n++
		case <-time.After(wait - time.Since(start)): // want "time-after-in-loop"
			return n
		}
	}
}

// The deadline is pushed back by each message: a fresh timeout too.
func pushedBack(in <-chan int, d time.Duration) int {
	deadline := time.Now().Add(d)
	n := 0
	for {
		select {
		case <-in:
			n++
			deadline = time.Now().Add(d)
		case <-time.After(time.Until(deadline)): // want "time-after-in-loop"
			return n
		}
	}
}
