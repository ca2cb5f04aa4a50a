package p

import (
	"context"
	"errors"
	"os"
)

// an early return before the close: some paths only
func earlyReturn(f *os.File, bad bool) error {
	if bad {
		return errors.New("bad")
	}
	return f.Close()
}

// both branches close: all paths
func bothBranches(f *os.File, bad bool) {
	if bad {
		f.Close()
		return
	}
	f.Close()
}

// a deferred literal runs at every exit after it
func deferredLiteral(f *os.File, cancel context.CancelFunc) error {
	defer func() {
		cancel()
		if f != nil {
			f.Close()
		}
	}()
	if f == nil {
		return errors.New("no file")
	}
	return nil
}

// a switch without default has a path through no clause
func switchNoDefault(c chan int, k int) {
	switch k {
	case 1:
		c <- 1
	case 2:
		c <- 2
	}
}

// with a default every path sends; a break out of the switch too
func switchDefault(c chan int, k int) {
	switch k {
	case 1:
		c <- 1
		break
	default:
		c <- 2
	}
}

// a select without default runs one of its cases
func selectBoth(a, b chan int) {
	select {
	case a <- 1:
	case v := <-b:
		_ = v
	}
}

// panics are not normal returns
func orPanic(c chan int, ok bool) {
	if !ok {
		panic("no")
	}
	c <- 1
}

// a loop without condition left only by break
func untilDone(c chan int, done chan struct{}) {
	for {
		select {
		case c <- 1:
		case <-done:
			return
		}
	}
}

// goto: the paths are not followed, "all" stays empty
func withGoto(c chan int, n int) {
again:
	c <- n
	n--
	if n > 0 {
		goto again
	}
}
