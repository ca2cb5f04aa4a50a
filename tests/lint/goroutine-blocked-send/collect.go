package cases

// `go collect(results, errc)`: the callee sends on both channels on every
// path; the caller reads only the error.
func collect(items []int, results chan<- int, errc chan<- error) {
	sum := 0
	for _, it := range items {
		sum += it
	}
	results <- sum // want "goroutine-blocked-send"
	errc <- nil
}

func sumErr(items []int) error {
	results := make(chan int)
	errc := make(chan error)
	go collect(items, results, errc)
	return <-errc
}

func collect2(items []int, results chan<- int, errc chan<- error) {
	sum := 0
	for _, it := range items {
		sum += it
	}
	results <- sum
	errc <- nil
}

// fixed twin: the caller receives both, in the callee's order
func sumErrFixed(items []int) (int, error) {
	results := make(chan int)
	errc := make(chan error)
	go collect2(items, results, errc)
	s := <-results
	return s, <-errc
}
