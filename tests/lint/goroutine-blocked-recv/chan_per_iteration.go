package cases

// A channel made inside a loop is a new channel in every iteration: each
// iteration must close its own, on every way out of the iteration.

// silent: every batch closes its channel.
func feedBatchesClosed(batches [][]int, use func(int)) {
	for _, b := range batches {
		in := make(chan int)
		go func() {
			for v := range in {
				use(v)
			}
		}()
		for _, v := range b {
			in <- v
		}
		close(in)
	}
}

// leak: no batch closes its channel.
func feedBatchesOpen(batches [][]int, use func(int)) {
	for _, b := range batches {
		in := make(chan int)
		go func() {
			for v := range in { // want "goroutine-blocked-recv"
				use(v)
			}
		}()
		for _, v := range b {
			in <- v
		}
	}
}

// leak: an empty batch skips the close.
func feedBatchesSkip(batches [][]int, use func(int)) {
	for _, b := range batches {
		in := make(chan int)
		go func() {
			for v := range in { // want "goroutine-blocked-recv"
				use(v)
			}
		}()
		if len(b) == 0 {
			continue
		}
		for _, v := range b {
			in <- v
		}
		close(in)
	}
}
