package cases

import "time"

// defer t.Stop() in an endless loop: every ticker of the loop keeps firing,
// referenced by its pending defer, until the function returns.
func watch(events <-chan int, handle func(int)) {
	for {
		ev := <-events
		t := time.NewTicker(time.Second)
		defer t.Stop() // want "ticker-not-stopped"
		for i := 0; i < 3; i++ {
			<-t.C
			handle(ev)
		}
	}
}

// The fixed twin: stopped at the end of the iteration.  Silent.
func watchFixed(events <-chan int, handle func(int)) {
	for {
		ev := <-events
		t := time.NewTicker(time.Second)
		for i := 0; i < 3; i++ {
			<-t.C
			handle(ev)
		}
		t.Stop()
	}
}
