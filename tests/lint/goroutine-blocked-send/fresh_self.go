package cases

// A send on a channel just made unbuffered, before the goroutine that
// would receive is started: nobody else can have it, so it blocks for
// ever.
func startLate(work func(<-chan int)) {
	ch := make(chan int)
	ch <- 1 // want "goroutine-blocked-send"
	go work(ch)
}

// The same inside a goroutine that made the channel itself.
func selfOnly() {
	go func() {
		done := make(chan struct{}, 0)
		done <- struct{}{} // want "goroutine-blocked-send"
	}()
}

// The fixed twins: the receiver is started first, or the channel has a
// buffer.  Silent.
func startFirst(work func(<-chan int)) {
	ch := make(chan int)
	go work(ch)
	ch <- 1
}

func buffered() int {
	ch := make(chan int, 1)
	ch <- 1
	return <-ch
}
