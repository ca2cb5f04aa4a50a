package cases

// A generator whose result is a channel type named in this package: still
// a generator (the signature check before the facts lets package names
// through), and a helper whose result is no channel is not one.

type ticks <-chan int

func counter() ticks {
	c := make(chan int)
	go func() {
		for i := 0; ; i++ {
			c <- i
		}
	}()
	return c
}

func firstTick() int {
	return <-counter() // want "goroutine-blocked-send"
}

func firstOver(n int) int {
	for v := range counter() { // want "goroutine-blocked-send"
		if v > n {
			return v
		}
	}
	return 0
}

// fixed twin: a buffered channel of one value, the goroutine sends once
func once() ticks {
	c := make(chan int, 1)
	go func() { c <- 1 }()
	return c
}

func firstOnce() int {
	return <-once()
}
