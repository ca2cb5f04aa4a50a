package cases

import "time"

// time.NewTimer(d).C in a select loop whose other case keeps looping: the
// same timer per iteration as time.After, and nobody can stop it.
func recheck(kick <-chan struct{}, quit <-chan struct{}, d time.Duration, scan func()) {
	for {
		select {
		case <-time.NewTimer(d).C: // want "time-after-in-loop:warning"
		case <-kick:
		case <-quit:
			return
		}
		scan()
	}
}

// Every other case leaves the loop: one timer pending at a time.
func waitOnce(quit <-chan struct{}, d time.Duration, scan func()) {
	for {
		select {
		case <-time.NewTimer(d).C:
			scan()
		case <-quit:
			return
		}
	}
}

// Kept in a variable and stopped: not this rule's shape.
func recheckStopped(kick <-chan struct{}, d time.Duration, scan func()) {
	for {
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-kick:
		}
		t.Stop()
		scan()
	}
}
