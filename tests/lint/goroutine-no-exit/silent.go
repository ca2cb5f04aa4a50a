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

// a context derived from the caller's: the caller may cancel it.
func derived(parent context.Context, events <-chan string) {
	ctx, cancel := context.WithCancel(parent)
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
	if len(events) > 0 {
		cancel()
	}
}

func pump(ctx context.Context, out chan<- int) {
	for i := 0; ; i++ {
		select {
		case out <- i:
		case <-ctx.Done():
			return
		}
	}
}

// deferred cancel on a background context.
func firstFive() []int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := make(chan int)
	go pump(ctx, c)
	var out []int
	for len(out) < 5 {
		out = append(out, <-c)
	}
	return out
}

// the cancel function is handed to the caller.
func start(events <-chan string) context.CancelFunc {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for {
			select {
			case <-events:
			case <-ctx.Done():
				return
			}
		}
	}()
	return cancel
}
