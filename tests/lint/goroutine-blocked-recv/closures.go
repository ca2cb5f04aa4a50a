package cases

import "errors"

// A receiving closure kept in a variable, started as a goroutine; the
// starter returns on an error before sending.
func consume(ok bool) error {
	jobs := make(chan int)
	work := func(in <-chan int) { println(<-in) } // want "goroutine-blocked-recv"
	go work(jobs)
	if !ok {
		return errors.New("not ok")
	}
	jobs <- 1
	return nil
}

// fixed twin: the channel is closed on every path (the receive then
// returns the zero value)
func consumeFixed(ok bool) error {
	jobs := make(chan int)
	defer close(jobs)
	work := func(in <-chan int) { println(<-in) }
	go work(jobs)
	if !ok {
		return errors.New("not ok")
	}
	jobs <- 1
	return nil
}
