package cases

import (
	"context"
	"fmt"
)

func fibonacci(c, quit chan int) {
	x, y := 0, 1
	for {
		select {
		case c <- x:
			x, y = y, x+y
		case <-quit:
			return
		}
	}
}

// close(quit) when done.
func firstFib() {
	c := make(chan int)
	quit := make(chan int)
	go fibonacci(c, quit)
	for i := 0; i < 10; i++ {
		fmt.Println(<-c)
	}
	close(quit)
}

// deferred close(quit).
func watch(events <-chan string) {
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case e := <-events:
				fmt.Println(e)
			case <-done:
				return
			}
		}
	}()
	fmt.Println("watching")
}

// the loop has another way out: the events channel closing.
func watchClosed(events <-chan string) {
	done := make(chan struct{})
	go func() {
		for {
			select {
			case e, ok := <-events:
				if !ok {
					return
				}
				fmt.Println(e)
			case <-done:
				return
			}
		}
	}()
}

// context-driven: a deferred cancel stops it.
func withCancel(parent context.Context, events <-chan string) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	go func() {
		for {
			select {
			case e := <-events:
				fmt.Println(e)
			case <-ctx.Done():
				return
			}
		}
	}()
}

// the quit channel is stored: someone else may close it.
type watcher struct{ quit chan struct{} }

func newWatcher(events <-chan string) *watcher {
	w := &watcher{}
	q := make(chan struct{})
	w.quit = q
	go func() {
		for {
			select {
			case <-events:
			case <-q:
				return
			}
		}
	}()
	return w
}
