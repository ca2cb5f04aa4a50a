package cases

import (
	"context"
	"errors"
	"net"
	"time"
)

func sendMsg(msg, addr string) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write([]byte(msg))
	return err
}

// early return: the first error leaves the receiving loop.
func broadcastMsg(msg string, addrs []string) error {
	errc := make(chan error)
	for _, addr := range addrs {
		go func(addr string) {
			errc <- sendMsg(msg, addr) // want "goroutine-blocked-send:error"
		}(addr)
	}
	for range addrs {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// first response wins: N senders, one receive.
func first(replicas []string, query string) string {
	c := make(chan string)
	for _, r := range replicas {
		go func(r string) { c <- r + query }(r) // want "goroutine-blocked-send"
	}
	return <-c
}

// gave up on a timeout: the later send has no receiver.
func withTimeout(d time.Duration) (int, error) {
	res := make(chan int)
	go func() {
		time.Sleep(2 * d)
		res <- 42 // want "goroutine-blocked-send"
	}()
	select {
	case v := <-res:
		return v, nil
	case <-time.After(d):
		return 0, errors.New("timeout")
	}
}

// gave up when the context ends.
func withContext(ctx context.Context, work func() error) error {
	done := make(chan error)
	go func() {
		done <- work() // want "goroutine-blocked-send"
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// gave up with default: nobody waits.
func poll(work func() int) int {
	c := make(chan int)
	go func() { c <- work() }() // want "goroutine-blocked-send"
	select {
	case v := <-c:
		return v
	default:
		return -1
	}
}

// double send, one receive.
func double(f func() int) int {
	c := make(chan int)
	go func() {
		c <- f()
		c <- f() // want "goroutine-blocked-send"
	}()
	return <-c
}

// a sender in an endless loop, a receiver that stops early.
func firstTen() []int {
	c := make(chan int)
	go func() {
		for i := 0; ; i++ {
			c <- i // want "goroutine-blocked-send"
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

// an error return between the start and the receive.
func between(check func() error, slow func() int) (int, error) {
	c := make(chan int)
	go func() { c <- slow() }() // want "goroutine-blocked-send"
	if err := check(); err != nil {
		return 0, err
	}
	return <-c, nil
}

// a generator over a slice, abandoned after the first match.
func find(xs []int, want int) bool {
	c := make(chan int)
	go func() {
		for _, x := range xs {
			c <- x // want "goroutine-blocked-send"
		}
		close(c)
	}()
	for v := range c {
		if v == want {
			return true
		}
	}
	return false
}

// a send on some paths only (reported with confidence medium).
func maybeSend(f func() error, d time.Duration) error {
	errc := make(chan error)
	go func() {
		if err := f(); err != nil {
			errc <- err // want "goroutine-blocked-send"
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-time.After(d):
		return nil
	}
}
