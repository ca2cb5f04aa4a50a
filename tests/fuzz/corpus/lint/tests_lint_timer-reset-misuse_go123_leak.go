package cases

import "time"

// Go 1.23: timer channels are unbuffered, len is always 0.
func fired() bool {
	t := time.NewTimer(time.Second)
	defer t.Stop()
	return len(t.C) > 0 // want "timer-reset-misuse:warning"
}

func tickerCap() int {
	tk := time.NewTicker(time.Second)
	defer tk.Stop()
	return cap(tk.C) // want "timer-reset-misuse"
}

// The blocking drain is wrong in every version.
func rearm(in chan int, d time.Duration) {
	t := time.NewTimer(d)
	for {
		select {
		case <-in:
		case <-t.C:
			if !t.Stop() { // want "timer-reset-misuse:error"
				<-t.C
			}
			t.Reset(d)
		}
	}
}
