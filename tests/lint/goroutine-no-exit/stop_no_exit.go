package cases

import "time"

// The stop case stops the ticker but goes round again: the goroutine then
// waits for ever on a ticker that never fires (and a stop channel that is
// not signalled twice).
func startPoller(stop <-chan struct{}, poll func()) {
	t := time.NewTicker(time.Second)
	go func() {
		for {
			select {
			case <-t.C:
				poll()
			case <-stop:
				t.Stop() // want "goroutine-no-exit"
			}
		}
	}()
}

// The fixed twin: it returns after the Stop.  Silent.
func startPollerFixed(stop <-chan struct{}, poll func()) {
	t := time.NewTicker(time.Second)
	go func() {
		for {
			select {
			case <-t.C:
				poll()
			case <-stop:
				t.Stop()
				return
			}
		}
	}()
}

// A reload case stops the ticker and makes a new one: it is meant to go
// on.  Silent.
func startReloading(reload <-chan time.Duration, poll func()) {
	t := time.NewTicker(time.Second)
	go func() {
		for {
			select {
			case <-t.C:
				poll()
			case d := <-reload:
				t.Stop()
				t = time.NewTicker(d)
			}
		}
	}()
}
