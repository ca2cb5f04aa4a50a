// Package fixed holds the fixed twins of the leaking packages: every
// goroutine they start can finish.
package fixed

import (
	"errors"
	"time"
)

// Fetch: the result channel has room for the worker's one send.
func Fetch(quit bool) (int, error) {
	ch := make(chan int, 1)
	go func() {
		ch <- 42
	}()
	if quit {
		return 0, errors.New("gave up")
	}
	return <-ch, nil
}

// Sum closes the channel its consumer ranges over and waits for it.
func Sum(vals []int) int {
	in := make(chan int, len(vals))
	out := make(chan int)
	go func() {
		total := 0
		for v := range in {
			total += v
		}
		out <- total
	}()
	for _, v := range vals {
		in <- v
	}
	close(in)
	return <-out
}

// Watch returns the stop function of its goroutine.
func Watch() func() {
	data := make(chan string)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		select {
		case s := <-data:
			_ = s
		case <-stop:
		}
	}()
	return func() { close(stop); <-done }
}

// Take closes the generator's quit channel when it has enough.
func Take(n int) []int {
	c := make(chan int)
	quit := make(chan struct{})
	go func() {
		x := 0
		for {
			select {
			case c <- x:
				x++
			case <-quit:
				return
			}
		}
	}()
	defer close(quit)
	var out []int
	for i := 0; i < n; i++ {
		out = append(out, <-c)
	}
	return out
}

// Start polls every 10ms until stopped.
func Start() func() {
	t := time.NewTicker(10 * time.Millisecond)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer t.Stop()
		for {
			select {
			case <-t.C:
			case <-stop:
				return
			}
		}
	}()
	return func() { close(stop); <-done }
}
