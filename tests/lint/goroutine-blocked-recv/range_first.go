package cases

// The goroutine ranges over in, which nothing closes, before its send on
// out: it blocks in the range, and that is what is reported (the same
// fixture under goroutine-blocked-send is silent about the send).
func total(xs []int) int {
	in := make(chan int)
	out := make(chan int)
	go func() {
		sum := 0
		for v := range in { // want "goroutine-blocked-recv"
			sum += v
		}
		out <- sum
	}()
	for _, x := range xs {
		in <- x
	}
	return len(xs)
}

// The fixed twin: in is closed, the range ends (the send on out is the
// other rule's business).  Silent here.
func totalClosed(xs []int) int {
	in := make(chan int)
	out := make(chan int, 1)
	go func() {
		sum := 0
		for v := range in {
			sum += v
		}
		out <- sum
	}()
	for _, x := range xs {
		in <- x
	}
	close(in)
	return <-out
}
