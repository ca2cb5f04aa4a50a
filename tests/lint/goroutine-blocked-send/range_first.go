package cases

// The goroutine ranges over 'in', which nothing closes, before its send on
// 'out': it blocks in the range and never reaches the send.  The finding
// is the range's (goroutine-blocked-recv, same fixture there), not "this
// send".  Silent here.
func total(xs []int) int {
	in := make(chan int)
	out := make(chan int)
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
	return len(xs)
}

// The twin where the range ends (in is closed): now the goroutine does
// reach the send, and nobody receives it.
func totalClosed(xs []int) int {
	in := make(chan int)
	out := make(chan int)
	go func() {
		sum := 0
		for v := range in {
			sum += v
		}
		out <- sum // want "goroutine-blocked-send"
	}()
	for _, x := range xs {
		in <- x
	}
	close(in)
	return len(xs)
}
