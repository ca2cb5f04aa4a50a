package cases

import (
	"context"
	"fmt"
)

// the value is sent on every path.
func handoff(v int, check func() error) error {
	in := make(chan int, 1)
	go func() { fmt.Println(<-in) }()
	if err := check(); err != nil {
		in <- 0
		return err
	}
	in <- v
	return nil
}

// close after the last send.
func process(items []string) {
	jobs := make(chan string)
	go func() {
		for j := range jobs {
			fmt.Println(j)
		}
	}()
	for _, it := range items {
		jobs <- it
	}
	close(jobs)
}

// deferred close covers every return.
func processEarly(items []string, stop func(string) bool) {
	jobs := make(chan string)
	defer close(jobs)
	go func() {
		for j := range jobs {
			fmt.Println(j)
		}
	}()
	for _, it := range items {
		if stop(it) {
			return
		}
		jobs <- it
	}
}

// deferred closure that closes.
func processClosure(items []string) {
	jobs := make(chan string)
	defer func() { close(jobs) }()
	go func() {
		for j := range jobs {
			fmt.Println(j)
		}
	}()
	for _, it := range items {
		jobs <- it
	}
}

// the goroutine also watches the context.
func offer(ctx context.Context, v int) {
	in := make(chan int)
	go func() {
		select {
		case x := <-in:
			fmt.Println(x)
		case <-ctx.Done():
		}
	}()
	if v < 0 {
		return
	}
	in <- v
}

// the receive result leaves through an unknown function.
func escapes(reg func(chan int)) {
	in := make(chan int)
	go func() { fmt.Println(<-in) }()
	reg(in)
}

// a worker pool whose queue is closed after the last task.
func pool(tasks []int) {
	queue := make(chan int)
	for i := 0; i < 4; i++ {
		go func() {
			for t := range queue {
				fmt.Println(t)
			}
		}()
	}
	for _, t := range tasks {
		queue <- t
	}
	close(queue)
}
