package cases

// `go s.loop(done)`: the method's facts say it loops until done is
// closed; `defer cleanup()` runs a closure kept in a variable.
type ticker2 struct{ n int }

func (s *ticker2) loop(done <-chan struct{}) {
	for {
		select {
		case <-done:
			return
		default:
			s.n++
		}
	}
}

func startNoCleanup(s *ticker2) {
	done := make(chan struct{})
	cleanup := func() { println("stopping") }
	defer cleanup()
	go s.loop(done) // want "goroutine-no-exit"
}

// fixed twin: the deferred closure closes done
func startWithCleanup(s *ticker2) {
	done := make(chan struct{})
	cleanup := func() { close(done) }
	defer cleanup()
	go s.loop(done)
}
