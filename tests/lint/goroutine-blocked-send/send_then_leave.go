package cases

// A send that is followed on every path by leaving the goroutine happens
// once, however many times the loop around it could run.

// silent: the send is followed by return; one value, room for one.
func pollUntilFailure(step func(int) error, ticks <-chan int) error {
	failed := make(chan error, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for n := 0; n < 50; n++ {
			select {
			case <-stop:
				return
			default:
				if err := step(n); err != nil {
					failed <- err
					return
				}
			}
		}
	}()
	for {
		select {
		case err := <-failed:
			return err
		case _, ok := <-ticks:
			if !ok {
				return nil
			}
		}
	}
}

// silent: the send is followed by a break out of the loop, then the end of
// the function literal.
func firstBadItem(items []string, check func(string) error) error {
	bad := make(chan error, 1)
	go func() {
		for _, it := range items {
			if err := check(it); err != nil {
				bad <- err
				break
			}
		}
	}()
	if len(items) > 3 {
		return nil
	}
	return <-bad
}

// silent: a labelled break from inside a select leaves the endless loop.
func watchOnce(next func() (int, error), quit <-chan struct{}) error {
	errs := make(chan error, 1)
	go func() {
	loop:
		for {
			select {
			case <-quit:
				return
			default:
				if _, err := next(); err != nil {
					errs <- err
					break loop
				}
			}
		}
	}()
	select {
	case err := <-errs:
		return err
	case <-quit:
		return nil
	}
}

// leak: without the return the goroutine can send on every round, and the
// receiver stops at the first value.
func pollEveryFailure(step func(int) error, ticks <-chan int) error {
	failed := make(chan error, 1)
	go func() {
		for n := 0; n < 50; n++ {
			if err := step(n); err != nil {
				failed <- err // want "goroutine-blocked-send"
			}
		}
	}()
	for {
		select {
		case err := <-failed:
			return err
		case _, ok := <-ticks:
			if !ok {
				return nil
			}
		}
	}
}

// leak: a plain break inside a select leaves only the select, so the loop
// goes on and sends again.
func drainBreaksSelect(step func(int) error, quit <-chan struct{}) error {
	failed := make(chan error, 1)
	go func() {
		for n := 0; n < 50; n++ {
			select {
			case <-quit:
				return
			default:
				if err := step(n); err != nil {
					failed <- err // want "goroutine-blocked-send"
					break
				}
			}
		}
	}()
	return <-failed
}

// leak: one send at most, but unbuffered, and the starter can return
// without receiving it.
func pollUnbuffered(step func(int) error, ticks <-chan int) error {
	failed := make(chan error)
	go func() {
		for n := 0; n < 50; n++ {
			if err := step(n); err != nil {
				failed <- err // want "goroutine-blocked-send"
				return
			}
		}
	}()
	for {
		select {
		case err := <-failed:
			return err
		case _, ok := <-ticks:
			if !ok {
				return nil
			}
		}
	}
}

// leak: a break out of the loop, then one more send after it: two values,
// room for one, and the starter may take none.
func breakThenReport(items []string, check func(string) error) error {
	res := make(chan error, 1)
	go func() {
		for _, it := range items {
			if err := check(it); err != nil {
				res <- err // want "goroutine-blocked-send"
				break
			}
		}
		res <- nil
	}()
	if len(items) > 3 {
		return nil
	}
	return <-res
}

// A send followed by a break of the outer loop happens once; errc has
// room for it.  Silent.
func firstBadCell(bad func(int, int) error, wait bool) error {
	errc := make(chan error, 1)
	go func() {
	rows:
		for x := 0; x < 5; x++ {
			for y := 0; y < 5; y++ {
				if err := bad(x, y); err != nil {
					errc <- err
					break rows
				}
			}
		}
	}()
	if !wait {
		return nil
	}
	return <-errc
}

// A send followed by a continue of the outer loop happens once per row:
// five values for one receive.
func firstBadPerRow(bad func(int, int) error) error {
	errc := make(chan error)
	go func() {
	rows:
		for x := 0; x < 5; x++ {
			for y := 0; y < 5; y++ {
				if err := bad(x, y); err != nil {
					errc <- err // want "goroutine-blocked-send"
					continue rows
				}
			}
		}
	}()
	return <-errc
}
