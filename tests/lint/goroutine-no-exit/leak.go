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
			fmt.Println("quit")
			return
		}
	}
}

// the generator is abandoned: quit is never closed.
func firstFib() {
	c := make(chan int)
	quit := make(chan int)
	go fibonacci(c, quit) // want "goroutine-no-exit:warning"
	for i := 0; i < 10; i++ {
		fmt.Println(<-c)
	}
}

// a watcher that only stops when done is closed, which never happens.
func watch(events <-chan string) {
	done := make(chan struct{})
	go func() { // want "goroutine-no-exit"
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

// closed on one path only.
func maybe(events <-chan string, ok bool) error {
	stop := make(chan bool)
	go func() { // want "goroutine-no-exit"
		for {
			select {
			case e := <-events:
				fmt.Println(e)
			case <-stop:
				return
			}
		}
	}()
	if !ok {
		return fmt.Errorf("not ok")
	}
	close(stop)
	return nil
}

// a context that only its cancel function can end, never cancelled.
func background(events <-chan string) {
	ctx, cancel := context.WithCancel(context.Background())
	go func() { // want "goroutine-no-exit"
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

// the same through a same-package function.
func firstFive() []int {
	ctx, _ := context.WithCancel(context.TODO())
	c := make(chan int)
	go pump(ctx, c) // want "goroutine-no-exit"
	var out []int
	for len(out) < 5 {
		out = append(out, <-c)
	}
	return out
}
