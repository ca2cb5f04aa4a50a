package cases

import "errors"

// The goroutine sends on exactly one of two channels and returns; the
// parent receives from either.  Whichever it got, the goroutine is done.
// Silent.
func fetch(do func() (int, error)) (int, error) {
	resc := make(chan int)
	errc := make(chan error)
	go func() {
		v, err := do()
		if err != nil {
			errc <- err
			return
		}
		resc <- v
	}()
	select {
	case v := <-resc:
		return v, nil
	case err := <-errc:
		return 0, err
	}
}

// The leaky twin: the parent may stop receiving from both (quit), and the
// goroutine blocks on whichever it sends.
func fetchQuit(do func() (int, error), quit <-chan struct{}) (int, error) {
	resc := make(chan int)
	errc := make(chan error)
	go func() {
		v, err := do()
		if err != nil {
			errc <- err
			return
		}
		resc <- v // want "goroutine-blocked-send"
	}()
	select {
	case v := <-resc:
		return v, nil
	case <-quit:
		return 0, errors.New("quit")
	}
}

// Started in a loop: another goroutine may still send on resc after this
// one sent on errc.
func fetchMany(do func() (int, error), n int) (int, error) {
	resc := make(chan int)
	errc := make(chan error)
	for i := 0; i < n; i++ {
		go func() {
			v, err := do()
			if err != nil {
				errc <- err
				return
			}
			resc <- v // want "goroutine-blocked-send"
		}()
	}
	select {
	case v := <-resc:
		return v, nil
	case err := <-errc:
		return 0, err
	}
}
