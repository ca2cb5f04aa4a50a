package cases

import "context"

// A worker that can be switched on and off.  The context variable is
// tested instead of the cancel function: while a worker runs (job != nil)
// "on" is ignored, and "off" cancels before clearing job, so no cancel is
// lost when the context is created again.
func toggle(parent context.Context, orders <-chan bool, started chan<- context.Context) {
	var job context.Context
	var stop context.CancelFunc
	for on := range orders {
		if on {
			if job != nil {
				continue
			}
			job, stop = context.WithCancel(parent)
			started <- job
		} else {
			if job == nil {
				continue
			}
			stop()
			job = nil
		}
	}
	if stop != nil {
		stop()
	}
}

// The same guard written as an else branch.
func toggleElse(parent context.Context, orders <-chan bool, started chan<- context.Context) {
	var job context.Context
	var stop context.CancelFunc
	for on := range orders {
		if !on {
			if job != nil {
				stop()
				job = nil
			}
		} else if job == nil {
			job, stop = context.WithCancel(parent)
			started <- job
		}
	}
	if job != nil {
		stop()
	}
}

// No guard: the previous cancel is lost when "on" comes twice.
func toggleUnguarded(parent context.Context, orders <-chan bool, started chan<- context.Context) {
	var job context.Context
	var stop context.CancelFunc
	for on := range orders {
		if on {
			job, stop = context.WithCancel(parent) // want "cancel-not-called"
			started <- job
		} else if job != nil {
			stop()
			job = nil
		}
	}
	if stop != nil {
		stop()
	}
}

// job is cleared without calling stop: the guard proves nothing, and the
// next "on" loses the cancel.
func toggleClearedEarly(parent context.Context, orders <-chan bool, started chan<- context.Context) {
	var job context.Context
	var stop context.CancelFunc
	for on := range orders {
		if on {
			if job != nil {
				continue
			}
			job, stop = context.WithCancel(parent) // want "cancel-not-called"
			started <- job
		} else {
			job = nil
		}
	}
	if stop != nil {
		stop()
	}
}

// The context variable is declared again by every iteration (nil each
// time): the guard never holds.
func toggleFresh(parent context.Context, orders <-chan bool, started chan<- context.Context) {
	var stop context.CancelFunc
	for range orders {
		var job context.Context
		if job != nil {
			continue
		}
		job, stop = context.WithCancel(parent) // want "cancel-not-called"
		started <- job
	}
	if stop != nil {
		stop()
	}
}

// A closure clears job behind the walk's back.
func toggleClosure(parent context.Context, orders <-chan bool, started chan<- context.Context) {
	var job context.Context
	var stop context.CancelFunc
	reset := func() { job = nil }
	for on := range orders {
		if on {
			if job != nil {
				continue
			}
			job, stop = context.WithCancel(parent) // want "cancel-not-called"
			started <- job
		} else {
			reset()
		}
	}
	if stop != nil {
		stop()
	}
}
