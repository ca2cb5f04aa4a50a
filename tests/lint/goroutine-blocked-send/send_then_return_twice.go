package cases

// Each send is followed by return, in the loop and after it: one send at
// most on any path, and the caller receives one (moby's unshare.Go).
// Silent.
func setup(names []string, open func(string) error, last func() error) error {
	started := make(chan error)
	go func() {
		for _, n := range names {
			if err := open(n); err != nil {
				started <- err
				return
			}
		}
		if err := last(); err != nil {
			started <- err
			return
		}
		close(started)
	}()
	return <-started
}

// A break instead of the return: the path that sends in the loop sends
// again after it, and the second value is never received.
func setupTwice(names []string, open func(string) error) error {
	started := make(chan error)
	go func() {
		for _, n := range names {
			if err := open(n); err != nil {
				started <- err
				break
			}
		}
		started <- nil // want "goroutine-blocked-send"
	}()
	return <-started
}
