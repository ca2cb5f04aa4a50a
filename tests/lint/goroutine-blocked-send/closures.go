package cases

import (
	"errors"
	"time"
)

func check(n int) error {
	if n < 0 {
		return errors.New("negative")
	}
	return nil
}

// A closure kept in a variable and started twice: the caller receives one
// value, the second goroutine blocks for ever.
func twoChecks(a, b int) error {
	errc := make(chan error)
	f := func(n int, c chan<- error) { c <- check(n) } // want "goroutine-blocked-send"
	go f(a, errc)
	go f(b, errc)
	return <-errc
}

// fixed twin: room for both values.
func twoChecksFixed(a, b int) error {
	errc := make(chan error, 2)
	f := func(n int, c chan<- error) { c <- check(n) }
	go f(a, errc)
	go f(b, errc)
	return <-errc
}

// A method value kept in a variable and started as a goroutine: the
// caller gives up after a timeout.
type prober struct{ n int }

func (p *prober) probe(out chan int) { out <- p.n } // want "goroutine-blocked-send"

func probeWithin(p *prober, d time.Duration) int {
	c := make(chan int)
	run := p.probe
	go run(c)
	select {
	case v := <-c:
		return v
	case <-time.After(d):
		return -1
	}
}

type prober2 struct{ n int }

func (p *prober2) probe2(out chan int) { out <- p.n }

// fixed twin: a buffered channel lets the late send complete.
func probeWithinFixed(p *prober2, d time.Duration) int {
	c := make(chan int, 1)
	run := p.probe2
	go run(c)
	select {
	case v := <-c:
		return v
	case <-time.After(d):
		return -1
	}
}

// A closure returned from a helper, started once per item; the caller
// returns on the first error.
func newChecker(n int) func(chan<- error) {
	return func(out chan<- error) {
		out <- check(n) // want "goroutine-blocked-send"
	}
}

func checkAll(ns []int) error {
	errc := make(chan error)
	for _, n := range ns {
		w := newChecker(n)
		go w(errc)
	}
	for range ns {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func newChecker2(n int) func(chan<- error) {
	return func(out chan<- error) {
		out <- check(n)
	}
}

// fixed twin: every value is received before returning.
func checkAllFixed(ns []int) error {
	errc := make(chan error)
	for _, n := range ns {
		w := newChecker2(n)
		go w(errc)
	}
	var first error
	for range ns {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// A nested literal run in place inside the goroutine does the send.
func nestedCheck(ns []int) error {
	errc := make(chan error)
	for _, n := range ns {
		go func(n int) {
			func() {
				errc <- check(n) // want "goroutine-blocked-send"
			}()
		}(n)
	}
	for range ns {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// fixed twin: one slot per goroutine.
func nestedCheckFixed(ns []int) error {
	errc := make(chan error, len(ns))
	for _, n := range ns {
		go func(n int) {
			func() {
				errc <- check(n)
			}()
		}(n)
	}
	for range ns {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// A closure variable assigned twice is not followed: silent.
func reassigned(a int) error {
	errc := make(chan error)
	f := func(c chan<- error) { c <- check(a) }
	f = func(c chan<- error) { close(c) }
	go f(errc)
	go f(errc)
	return <-errc
}
