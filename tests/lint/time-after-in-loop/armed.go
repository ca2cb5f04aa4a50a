package cases

import "time"

// Armed only when a batch starts (nothing buffered yet): one timer per
// batch, and the batch is flushed, and the count reset, when it fires.
// Silent.
func batchCount(in <-chan int, flush func([]int)) {
	var tc <-chan time.Time
	var buf []int
	n := 0
	for {
		select {
		case v := <-in:
			if n == 0 {
				tc = time.After(time.Second)
			}
			n++
			buf = append(buf, v)
		case <-tc:
			flush(buf)
			buf = nil
			n = 0
		}
	}
}

// The same with len(buf) == 0.  Silent.
func batchLen(in <-chan int, flush func([]int)) {
	var tc <-chan time.Time
	var buf []int
	for {
		select {
		case v := <-in:
			if len(buf) == 0 {
				tc = time.After(time.Second)
			}
			buf = append(buf, v)
		case <-tc:
			flush(buf)
			buf = buf[:0]
		}
	}
}

// Armed under a nil test joined with &&: none pending.  Silent.
func dirtyFlush(in <-chan int, flush func()) {
	var tc <-chan time.Time
	dirty := false
	for {
		select {
		case <-in:
			dirty = true
			if dirty && tc == nil {
				tc = time.After(time.Second)
			}
		case <-tc:
			flush()
			dirty = false
			tc = nil
		}
	}
}

// Re-armed only in its own case: the previous timer has just fired, so
// one is pending at a time.  Silent.
func periodic(in <-chan int, tick func()) {
	tc := time.After(time.Second)
	for {
		select {
		case <-in:
		case <-tc:
			tick()
			tc = time.After(time.Second)
		}
	}
}

// The leaky twin of the batch: the count is never reset (nor counted), so
// n == 0 holds for every message: a timer per message.
func batchNoReset(in <-chan int, flush func()) {
	var tc <-chan time.Time
	n := 0
	for {
		select {
		case v := <-in:
			if n == 0 {
				tc = time.After(time.Second) // want "time-after-in-loop"
			}
			_ = v
		case <-tc:
			flush()
		}
	}
}

// The leaky twin of the && form: an || does not need the nil test.
func dirtyOr(in <-chan int, flush func(), force bool) {
	var tc <-chan time.Time
	for {
		select {
		case <-in:
			if force || tc == nil {
				tc = time.After(time.Second) // want "time-after-in-loop"
			}
		case <-tc:
			flush()
			tc = nil
		}
	}
}

// Re-armed in its own case and in another: the other one piles up.
func periodicBoth(in <-chan int, tick func()) {
	tc := time.After(time.Second)
	for {
		select {
		case <-in:
			tc = time.After(time.Second) // want "time-after-in-loop"
		case <-tc:
			tick()
			tc = time.After(time.Second)
		}
	}
}
