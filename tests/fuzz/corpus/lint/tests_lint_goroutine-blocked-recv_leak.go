package cases

import (
	"context"
	"fmt"
	"time"
)

// the parent returns before sending: the receiver waits for ever.
func leak() {
	ch := make(chan int)
	go func() {
		val := <-ch // want "goroutine-blocked-recv:error"
		fmt.Println("We received a value:", val)
	}()
}

// values are sent but the channel is never closed: the range never ends.
func process(items []string) {
	jobs := make(chan string)
	go func() {
		for j := range jobs { // want "goroutine-blocked-recv"
			fmt.Println(j)
		}
	}()
	for _, it := range items {
		jobs <- it
	}
}

// an error path before the send.
func handoff(v int, check func() error) error {
	in := make(chan int)
	go func() {
		fmt.Println(<-in) // want "goroutine-blocked-recv"
	}()
	if err := check(); err != nil {
		return err
	}
	in <- v
	return nil
}

// the parent gives up on the send.
func offer(ctx context.Context, v int) error {
	in := make(chan int)
	go func() {
		x := <-in // want "goroutine-blocked-recv"
		fmt.Println(x)
	}()
	select {
	case in <- v:
		return nil
	case <-time.After(time.Second):
		return ctx.Err()
	}
}

// a worker pool whose queue is never closed.
func pool(tasks []int) {
	queue := make(chan int)
	for i := 0; i < 4; i++ {
		go func() {
			for t := range queue { // want "goroutine-blocked-recv"
				fmt.Println(t)
			}
		}()
	}
	for _, t := range tasks {
		queue <- t
	}
}
