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
