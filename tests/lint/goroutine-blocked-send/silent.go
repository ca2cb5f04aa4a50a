package cases

import (
	"context"
	"errors"
	"log"
	"sync"
	"time"
)

func send(addr string) error { return nil }

// buffer large enough for every sender.
func broadcastBuffered(addrs []string) error {
	errc := make(chan error, len(addrs))
	for _, addr := range addrs {
		go func(addr string) { errc <- send(addr) }(addr)
	}
	for range addrs {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// every value received before looking at any of them.
func broadcastAll(addrs []string) error {
	errc := make(chan error)
	for _, addr := range addrs {
		go func(addr string) { errc <- send(addr) }(addr)
	}
	var first error
	for range addrs {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// first response wins, with room for the others.
func firstBuffered(replicas []string) string {
	c := make(chan string, len(replicas))
	for _, r := range replicas {
		go func(r string) { c <- r }(r)
	}
	return <-c
}

// timeout with a buffered result channel.
func withTimeout(d time.Duration) (int, error) {
	res := make(chan int, 1)
	go func() {
		time.Sleep(2 * d)
		res <- 42
	}()
	select {
	case v := <-res:
		return v, nil
	case <-time.After(d):
		return 0, errors.New("timeout")
	}
}

// the goroutine itself gives up when the context ends.
func withContext(ctx context.Context, work func() error) error {
	done := make(chan error)
	go func() {
		err := work()
		select {
		case done <- err:
		case <-ctx.Done():
		}
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// close + range: the receiver drains everything.
func collect(xs []int) []int {
	c := make(chan int)
	go func() {
		for _, x := range xs {
			c <- x * 2
		}
		close(c)
	}()
	var out []int
	for v := range c {
		out = append(out, v)
	}
	return out
}

// WaitGroup + close, and a range that drains.
func fanIn(xs []int) int {
	c := make(chan int)
	var wg sync.WaitGroup
	for _, x := range xs {
		wg.Add(1)
		go func(x int) {
			defer wg.Done()
			c <- x
		}(x)
	}
	go func() {
		wg.Wait()
		close(c)
	}()
	sum := 0
	for v := range c {
		sum += v
	}
	return sum
}

// a generator that stops when the consumer closes done.
func firstTen() []int {
	c := make(chan int)
	done := make(chan struct{})
	defer close(done)
	go func() {
		for i := 0; ; i++ {
			select {
			case c <- i:
			case <-done:
				return
			}
		}
	}()
	var out []int
	for v := range c {
		out = append(out, v)
		if len(out) == 10 {
			break
		}
	}
	return out
}

// two sends, two receives.
func double(f func() int) int {
	c := make(chan int)
	go func() {
		c <- f()
		c <- f()
	}()
	return <-c + <-c
}

// a fixed count of goroutines, each received.
func pair(f func() int) int {
	c := make(chan int)
	for i := 0; i < 2; i++ {
		go func() { c <- f() }()
	}
	<-c
	<-c
	return 0
}

// the error return happens before the goroutine starts.
func before(check func() error, slow func() int) (int, error) {
	c := make(chan int)
	if err := check(); err != nil {
		return 0, err
	}
	go func() { c <- slow() }()
	return <-c, nil
}

// the channel escapes: stored in a struct, not judged.
type job struct{ out chan int }

func escapes() *job {
	j := &job{}
	c := make(chan int)
	j.out = c
	go func() { c <- 1 }()
	return j
}

// the channel is returned: its receiver is the caller.
func returned() <-chan int {
	c := make(chan int)
	go func() { c <- 1 }()
	return c
}

// handed to unknown code.
func handed(sink func(chan int)) {
	c := make(chan int)
	go func() { c <- 1 }()
	sink(c)
}

// the program ends on the other path.
func fatal(work func() int) int {
	c := make(chan int)
	go func() { c <- work() }()
	select {
	case v := <-c:
		return v
	case <-time.After(time.Second):
		log.Fatal("timeout")
	}
	return 0
}



// the goroutine sends only on failure and closes ok on success: the
// starter's ok exit is exactly the path where nothing was sent.
func correlated(f func() error) error {
	errc := make(chan error)
	ok := make(chan struct{})
	go func() {
		if err := f(); err != nil {
			errc <- err
			return
		}
		close(ok)
	}()
	select {
	case err := <-errc:
		return err
	case <-ok:
		return nil
	}
}

// non-blocking attempt with room for the value.
func pollBuffered(work func() int) int {
	c := make(chan int, 1)
	go func() { c <- work() }()
	select {
	case v := <-c:
		return v
	default:
		return -1
	}
}

func fatalf(format string, args ...interface{}) {
	log.Printf(format, args...)
	log.Fatal("giving up")
}

// a same-package helper that never returns ends the path.
func fatalHelper(work func() int) int {
	c := make(chan int)
	go func() { c <- work() }()
	select {
	case v := <-c:
		return v
	case <-time.After(time.Second):
		fatalf("timeout after %v", time.Second)
	}
	return 0
}
