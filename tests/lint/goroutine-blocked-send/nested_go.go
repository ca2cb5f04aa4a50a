package cases

import "sync"

type task struct{ kind string }

// fanOut starts one goroutine per task, from a goroutine of its own; the
// values are the nested goroutines' sends.
func fanOut(tasks []task, do func(task) error, out chan<- error) {
	var wg sync.WaitGroup
	last := ""
	for _, t := range tasks {
		if t.kind != last {
			wg.Wait()
			last = t.kind
		}
		wg.Add(1)
		go func(t task) {
			out <- do(t) // want "goroutine-blocked-send"
			wg.Done()
		}(t)
	}
}

// The starter stops at the first error: the other tasks' senders block.
func runAll(tasks []task, do func(task) error) error {
	out := make(chan error)
	go fanOut(tasks, do, out)
	for range tasks {
		if err := <-out; err != nil {
			return err
		}
	}
	return nil
}

// fixed twin: room for every task's value.
func runAllBuffered(tasks []task, do func(task) error) error {
	out := make(chan error, len(tasks))
	go fanOut(tasks, do, out)
	for range tasks {
		if err := <-out; err != nil {
			return err
		}
	}
	return nil
}

// fixed twin: every value is received.
func runAllDrain(tasks []task, do func(task) error) error {
	out := make(chan error)
	go fanOut(tasks, do, out)
	var first error
	for range tasks {
		if err := <-out; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// silent: a nested goroutine that receives is not followed.
func nestedRecv(xs []int) int {
	c := make(chan int)
	go func() {
		go func() {
			<-c
		}()
	}()
	c <- 1
	return len(xs)
}
