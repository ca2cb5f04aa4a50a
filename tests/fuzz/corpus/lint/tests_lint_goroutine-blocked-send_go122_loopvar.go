package cases

func check(addr string) error { return nil }

// The closure captures the loop variable (shared by all iterations before
// Go 1.22, one per iteration since): either way one goroutine is started
// per address and the early return strands the rest.
func checkAll(addrs []string) error {
	errc := make(chan error)
	for _, addr := range addrs {
		go func() {
			errc <- check(addr) // want "goroutine-blocked-send"
		}()
	}
	for i := 0; i < len(addrs); i++ {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// fixed twin: room for every sender.
func checkAllBuffered(addrs []string) error {
	errc := make(chan error, len(addrs))
	for _, addr := range addrs {
		go func() {
			errc <- check(addr)
		}()
	}
	for i := 0; i < len(addrs); i++ {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// counted loops on both sides.
func checkN(n int) error {
	errc := make(chan error)
	for i := 0; i < n; i++ {
		go func() { errc <- check("") }() // want "goroutine-blocked-send"
	}
	for i := 0; i < n; i++ {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func checkNAll(n int) error {
	errc := make(chan error)
	for i := 0; i < n; i++ {
		go func() { errc <- check("") }()
	}
	var first error
	for i := 0; i < n; i++ {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	return first
}
