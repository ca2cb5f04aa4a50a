package cases

func recvOne(c <-chan int) int { return <-c }

func recvAll(c <-chan int, n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-c
	}
	return sum
}

// the starter receives through a same-package function: one value of many.
func viaHelper(xs []int) int {
	c := make(chan int)
	for _, x := range xs {
		go func(x int) { c <- x }(x) // want "goroutine-blocked-send"
	}
	return recvOne(c)
}

// fixed twin: the helper receives every value (its count is not compared
// with len(xs), so nothing is claimed).
func viaHelperAll(xs []int) int {
	c := make(chan int)
	for _, x := range xs {
		go func(x int) { c <- x }(x)
	}
	return recvAll(c, len(xs))
}

// fixed twin: a timeout with a helper that receives on the other path.
func viaHelperTimeout(ok bool) int {
	c := make(chan int)
	go func() { c <- 1 }()
	if !ok {
		return recvOne(c)
	}
	return <-c
}
