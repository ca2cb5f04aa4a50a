package cases

import "time"

// The seed article's loop: a new 3-minute timer per message.
func consume(ch chan string) {
	for {
		select {
		case <-ch:
		case <-time.After(3 * time.Minute): // want "time-after-in-loop:warning"
		}
	}
}

// Bound to a variable in the same iteration, then selected on.
func consumeVar(ch chan string, quit chan struct{}) {
	for {
		timeout := time.After(time.Second) // want "time-after-in-loop:warning"
		select {
		case <-ch:
		case <-timeout:
			return
		case <-quit:
			return
		}
	}
}

// The seed's broadcast: a closure with a loop of its own.
func broadcast(msg interface{}, subs []chan interface{}, exit chan struct{}) {
	pub := func(start int) {
		for j := start; j < len(subs); j++ {
			select {
			case subs[j] <- msg:
			case <-time.After(5 * time.Millisecond): // want "time-after-in-loop:warning"
			case <-exit:
				return
			}
		}
	}
	go pub(0)
}

// A received value and a range loop.
func ranged(items []int, ch chan int) int {
	n := 0
	for range items {
		select {
		case v := <-ch:
			n += v
		case t := <-time.After(time.Second): // want "time-after-in-loop:warning"
			_ = t
		}
	}
	return n
}

// Before Go 1.23 a timeout per send still leaves one timer per send in
// the heap until it fires.
func forwardOld(in <-chan string, out chan<- string) {
	for v := range in {
		select {
		case out <- v:
		case <-time.After(time.Minute): // want "time-after-in-loop"
		}
	}
}
