// Package leak holds gdump-pkg's blocking code (see ../main.go).
package leak

import (
	"errors"
	"sync"
)

var errBad = errors.New("bad item")

// EarlyReturn starts n workers that send their result on an unbuffered
// channel and returns at the first error: the other n-1 block forever.
func EarlyReturn(n int) error {
	ch := make(chan error)
	for i := 0; i < n; i++ {
		go func(i int) {
			var err error
			if i == 0 {
				err = errBad
			}
			ch <- err
		}(i)
	}
	return <-ch
}

// Park starts n workers that wait for stop to be closed: parked on purpose.
func Park(n int) chan struct{} {
	stop := make(chan struct{})
	for i := 0; i < n; i++ {
		go func() {
			<-stop
		}()
	}
	return stop
}

// Pair starts two goroutines that each wait to receive from the other
// before sending, and waits for both: nothing ever moves.
func Pair() {
	a, b := make(chan int), make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		v := <-b
		a <- v
	}()
	go func() {
		defer wg.Done()
		v := <-a
		b <- v
	}()
	wg.Wait()
}
