package cases

import (
	"context"
	"time"
)

// gave up on a timer.
func withTimer(d time.Duration, work func() string) string {
	out := make(chan string)
	go func() { out <- work() }() // want "goroutine-blocked-send"
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case s := <-out:
		return s
	case <-t.C:
		return ""
	}
}

// a labeled break out of the receiving loop.
func collect(xs []int, limit int) int {
	c := make(chan int)
	for _, x := range xs {
		go func(x int) { c <- x }(x) // want "goroutine-blocked-send"
	}
	sum := 0
loop:
	for range xs {
		select {
		case v := <-c:
			sum += v
			if sum > limit {
				break loop
			}
		}
	}
	return sum
}

// --- silent ---

// the receive count is not known: a loop that runs until ctx ends.
func until(ctx context.Context, work func() int) int {
	c := make(chan int)
	go func() { c <- work() }()
	n := 0
	for {
		select {
		case v := <-c:
			n += v
		case <-ctx.Done():
			return n
		}
	}
}

func drain(c chan int) {
	for range c {
	}
}

// a synchronous same-package call takes the channel: not judged.
func handedToHelper(work func() int) {
	c := make(chan int)
	go func() { c <- work() }()
	drain(c)
}

// goto: not judged.
func withGoto(work func() int) int {
	c := make(chan int)
	go func() { c <- work() }()
	v := <-c
	if v < 0 {
		goto out
	}
	return v
out:
	return 0
}

// a copy of the channel variable is followed: nobody receives.
func copied(work func() int) int {
	c := make(chan int)
	d := c
	go func() { d <- work() }() // want "goroutine-blocked-send"
	return 0
}

// a copy stored away: not judged.
type holder struct{ c chan int }

func copiedAway(h *holder, work func() int) {
	c := make(chan int)
	d := c
	h.c = d
	go func() { c <- work() }()
}

// unknown capacity.
func unknownCap(n int, xs []int) int {
	c := make(chan int, n)
	for _, x := range xs {
		go func(x int) { c <- x }(x)
	}
	return <-c
}
