package cases

import "time"

// Not in a loop: one timer.
func once(ch chan int) int {
	select {
	case v := <-ch:
		return v
	case <-time.After(time.Second):
		return 0
	}
}

// Every other case leaves the loop: at most one pending timer.
func retry(ch chan int) int {
	for {
		select {
		case v := <-ch:
			return v
		case <-time.After(time.Second):
		}
	}
}

// The fix for a deadline: one timer before the loop.
func deadline(ch chan int, quit chan struct{}) {
	timeout := time.After(time.Minute)
	for {
		select {
		case <-ch:
		case <-timeout:
			return
		case <-quit:
			return
		}
	}
}

// The fix for an idle timeout: one Timer, reset per message.
func idle(ch chan int) {
	t := time.NewTimer(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ch:
			if !t.Stop() {
				<-t.C
			}
			t.Reset(time.Minute)
		case <-t.C:
			return
		}
	}
}

// Falling out of the select returns: the loop only continues after the
// timer fired.
func backoff(ch chan int, retries int) error {
	for i := 0; i < retries; i++ {
		select {
		case <-time.After(time.Second):
			continue
		case <-ch:
		}
		return nil
	}
	return nil
}

// A labelled break out of the loop.
func labelled(ch chan int) {
loop:
	for {
		select {
		case <-ch:
			break loop
		case <-time.After(time.Second):
		}
	}
}

// The loop is in another function: the literal is its own function.
func outer(ch chan int) {
	for i := 0; i < 3; i++ {
		go func() {
			select {
			case <-ch:
			case <-time.After(time.Second):
			}
		}()
	}
}
