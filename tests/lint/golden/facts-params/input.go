package p

import (
	"net/http"
	"os"
)

// every path sends on out
func worker(n int, out chan<- int) {
	out <- n * 2
}

// only some paths send; errc is received in a select inside a loop
func maybe(ok bool, out chan<- int, errc <-chan error) {
	if ok {
		out <- 1
	}
	for {
		select {
		case <-errc:
			return
		default:
		}
	}
}

// ranges over in, closes out when done: on every path
func relay(in <-chan int, out chan<- int) {
	defer close(out)
	for v := range in {
		out <- v
	}
}

// releases through a callee: closeQuietly closes on every non-nil path
func closeQuietly(r *http.Response) {
	if r != nil {
		r.Body.Close()
	}
}

func finish(r *http.Response, f *os.File) {
	defer closeQuietly(r)
	f.Write(nil)
}

// the channel is handed to goroutines: what they do is their own
func fanOut(ch chan int, n int) {
	for i := 0; i < n; i++ {
		go worker(i, ch)
	}
	go func() {
		ch <- 0
	}()
}

// kept: stored in a map, appended, captured by a closure for later
var registry = map[string]chan int{}

func keep(a, b, c chan int) func() {
	registry["a"] = a
	_ = append([]chan int{}, b)
	return func() { close(c) }
}

// a literal called with the channel as its argument
func viaLiteral(done chan struct{}) {
	func(d chan struct{}) {
		close(d)
	}(done)
}
