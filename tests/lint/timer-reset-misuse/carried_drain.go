package cases

import "time"

// The timeout case consumes the fire without Reset; when a message comes
// in a later iteration, Stop returns false and the drain waits for a value
// that was already received.
func idle(in <-chan int, d time.Duration, onIdle func()) {
	t := time.NewTimer(d)
	for {
		select {
		case <-t.C:
			onIdle()
		case <-in:
			if !t.Stop() { // want "timer-reset-misuse"
				<-t.C
			}
			t.Reset(d)
		}
	}
}

// The fixed twin: the timeout case re-arms the timer.  Silent.
func idleFixed(in <-chan int, d time.Duration, onIdle func()) {
	t := time.NewTimer(d)
	for {
		select {
		case <-t.C:
			onIdle()
			t.Reset(d)
		case <-in:
			if !t.Stop() {
				<-t.C
			}
			t.Reset(d)
		}
	}
}

// The other fix: a drain that cannot block.  Silent.
func idleNonBlocking(in <-chan int, d time.Duration, onIdle func()) {
	t := time.NewTimer(d)
	for {
		select {
		case <-t.C:
			onIdle()
		case <-in:
			if !t.Stop() {
				select {
				case <-t.C:
				default:
				}
			}
			t.Reset(d)
		}
	}
}

// The timeout case leaves the loop: no later iteration.  Silent.
func idleReturn(in <-chan int, d time.Duration) {
	t := time.NewTimer(d)
	for {
		select {
		case <-t.C:
			return
		case <-in:
			if !t.Stop() {
				<-t.C
			}
			t.Reset(d)
		}
	}
}

// A new timer every iteration (made inside the loop): the drained timer of
// one iteration is not the one the next iteration stops.  Silent.
func perIteration(in <-chan int, ctx interface{ Done() <-chan struct{} }, d time.Duration, onIdle func()) {
	for {
		t := time.NewTimer(d)
		select {
		case <-t.C:
			onIdle()
		case <-ctx.Done():
			if !t.Stop() {
				<-t.C
			}
			return
		case <-in:
			if !t.Stop() {
				<-t.C
			}
		}
	}
}

// The same timer made once in the for clause is carried: reported.
func forClause(in <-chan int, d time.Duration, onIdle func()) {
	for t := time.NewTimer(d); ; {
		select {
		case <-t.C:
			onIdle()
		case <-in:
			if !t.Stop() { // want "timer-reset-misuse"
				<-t.C
			}
			t.Reset(d)
		}
	}
}
