package cases

import "time"

// A poller that waits between rounds with a fresh timer and defers its
// Stop: the defers (and the timers they hold) pile up until quit.
func pollRounds(quit <-chan struct{}, every time.Duration, round func()) {
	for {
		wait := time.NewTimer(every)
		defer wait.Stop() // want "timer-reset-misuse:warning"
		select {
		case <-quit:
			return
		case <-wait.C:
		}
		round()
	}
}

// The wait moved into its own function: the defer runs every round.
func pollRoundsFixed(quit <-chan struct{}, every time.Duration, round func()) {
	for {
		if !pause(quit, every) {
			return
		}
		round()
	}
}

func pause(quit <-chan struct{}, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-quit:
		return false
	case <-t.C:
		return true
	}
}

// A bounded loop: at most len(jobs) timers wait for the return.
func eachWithDeadline(jobs []func(<-chan time.Time)) {
	for _, j := range jobs {
		t := time.NewTimer(time.Second)
		defer t.Stop()
		j(t.C)
	}
}

// Stopped at the end of every iteration.
func pollStopEach(quit <-chan struct{}, every time.Duration, round func()) {
	for {
		wait := time.NewTimer(every)
		select {
		case <-quit:
			wait.Stop()
			return
		case <-wait.C:
		}
		wait.Stop()
		round()
	}
}
