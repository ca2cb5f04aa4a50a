package cases

// One goroutine per round of an endless loop; each round takes its one
// value, so earlier rounds leave nothing pending, but the round that ends
// on stop returns without taking the value of the goroutine it started.
func pollRounds(stop <-chan struct{}, probe func() error) {
	ok := make(chan bool)
	for {
		go func() {
			if err := probe(); err != nil {
				ok <- false // want "goroutine-blocked-send"
				return
			}
			select {
			case <-stop:
			case ok <- true:
			}
		}()
		select {
		case <-stop:
			return
		case <-ok:
		}
	}
}

// fixed twin: room for the value of the last round.
func pollRoundsBuffered(stop <-chan struct{}, probe func() error) {
	ok := make(chan bool, 1)
	for {
		go func() {
			if err := probe(); err != nil {
				ok <- false
				return
			}
			select {
			case <-stop:
			case ok <- true:
			}
		}()
		select {
		case <-stop:
			return
		case <-ok:
		}
	}
}

// fixed twin: every send of the goroutine also watches stop.
func pollRoundsSelect(stop <-chan struct{}, probe func() error) {
	ok := make(chan bool)
	for {
		go func() {
			v := probe() == nil
			select {
			case <-stop:
			case ok <- v:
			}
		}()
		select {
		case <-stop:
			return
		case <-ok:
		}
	}
}

// not seen (a limit, docs/rules/goroutine-blocked-send.md): a round takes
// fewer values than it launches (two goroutines, one receive), so values
// pile up over the rounds; the rule only follows rounds that balance.
func pollUnbalanced(stop <-chan struct{}, probe func() error) {
	ok := make(chan bool, 1)
	for {
		go func() { ok <- probe() == nil }()
		go func() { ok <- probe() == nil }()
		select {
		case <-stop:
			return
		case <-ok:
		}
	}
}
