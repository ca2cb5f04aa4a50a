package cases

import "time"

// A batch deadline, armed only when none is pending: one timer per batch,
// and it always fires before the next is armed.  Silent.
func batch(in <-chan int, flush func([]int)) {
	var deadline <-chan time.Time
	var buf []int
	for {
		select {
		case v := <-in:
			if deadline == nil {
				deadline = time.After(time.Second)
			}
			buf = append(buf, v)
		case <-deadline:
			flush(buf)
			buf, deadline = nil, nil
		}
	}
}

// Re-armed by every message: a timer per message, the old ones pending.
func idle(in <-chan int, flush func()) {
	var timeout <-chan time.Time
	for {
		select {
		case <-in:
			timeout = time.After(time.Second) // want "time-after-in-loop"
		case <-timeout:
			flush()
		}
	}
}
