package cases

import "time"

// The seed's fix: stop and drain (with default) before Reset.
func idle(in chan int, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		if !t.Stop() {
			select {
			case <-t.C:
			default:
			}
		}
		t.Reset(d)
		select {
		case <-in:
		case <-t.C:
			return
		}
	}
}

// Stop and drain inside the other case.
func idle2(in chan int, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case <-in:
			if !t.Stop() {
				<-t.C
			}
			t.Reset(d)
		case <-t.C:
			return
		}
	}
}

// Reset right after receiving the value: the channel is empty.
func periodic(in chan int, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case <-in:
			return
		case <-t.C:
			t.Reset(d)
		}
	}
}

// A timer per iteration that is stopped.
func each(items []int, done chan int) {
	for range items {
		t := time.NewTimer(time.Minute)
		select {
		case <-done:
		case <-t.C:
		}
		t.Stop()
	}
}

// len of a timer channel is fine before Go 1.23.
func pending(t *time.Timer) bool {
	tm := time.NewTimer(time.Second)
	return len(tm.C) > 0
}

// Received every iteration: the timer has fired before the next one.
func fired(n int) {
	for i := 0; i < n; i++ {
		t := time.NewTimer(0)
		<-t.C
	}
}
