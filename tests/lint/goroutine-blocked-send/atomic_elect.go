package cases

import "sync/atomic"

// Goroutines that elect the one that sends through an atomic counter:
// how many send cannot be counted from the code, so several such
// launches are not judged.

// silent: only the last of the n goroutines to arrive sends.
func lastArrives(n int, spin func()) {
	arrived := make(chan struct{})
	var count int32
	for i := 0; i < n; i++ {
		go func() {
			if atomic.AddInt32(&count, 1) == int32(n) {
				arrived <- struct{}{}
				return
			}
			spin()
		}()
	}
	<-arrived
}

// silent: the same in every round, with a new channel per round.
func lastArrivesRounds(rounds, n int) {
	for r := 0; r < rounds; r++ {
		arrived := make(chan bool)
		var count uint32
		for i := 0; i < n; i++ {
			go func() {
				if atomic.AddUint32(&count, 1) == uint32(n) {
					arrived <- true
				}
			}()
		}
		<-arrived
	}
}

// leak: a single goroutine, and the starter can return before receiving.
func firstCaller(ready func() bool) bool {
	got := make(chan bool)
	var calls int32
	go func() {
		if atomic.AddInt32(&calls, 1) == 1 {
			got <- true // want "goroutine-blocked-send"
		}
	}()
	if !ready() {
		return false
	}
	return <-got
}

// A Load elects nobody: every goroutine that reads 0 before the Store
// sends, and only one value is received.
func firstWins(n int, work func() int) int {
	res := make(chan int)
	var done int32
	for i := 0; i < n; i++ {
		go func() {
			v := work()
			if atomic.LoadInt32(&done) == 0 {
				res <- v // want "goroutine-blocked-send"
			}
		}()
	}
	v := <-res
	atomic.StoreInt32(&done, 1)
	return v
}

// Both branches send: the atomic picks the value, not the sender.
func eitherWay(n int, work func() error, stoppedErr error) error {
	errs := make(chan error)
	var stopped int32
	for i := 0; i < n; i++ {
		go func() {
			if atomic.LoadInt32(&stopped) == 1 {
				errs <- stoppedErr // want "goroutine-blocked-send"
				return
			}
			errs <- work()
		}()
	}
	err := <-errs
	atomic.StoreInt32(&stopped, 1)
	return err
}

// The same election with the atomic types of Go 1.19 (a method, not a
// function of the package): the last to arrive sends.  Silent.
func lastArrives(n int, work func()) {
	arrived := make(chan struct{})
	var count atomic.Int32
	for i := 0; i < n; i++ {
		go func() {
			work()
			if count.Add(1) == int32(n) {
				arrived <- struct{}{}
			}
		}()
	}
	<-arrived
}
