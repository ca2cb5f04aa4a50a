package cases

import "time"

// Go 1.23: a forgotten local ticker is collected once the function has
// returned and nothing references it: true but harmless, silent.
func wait() {
	t := time.NewTicker(time.Second)
	<-t.C
}

// The same, overwritten by each iteration: the old one is unreferenced and
// collected.  Silent.
func waitEach(n int) {
	for i := 0; i < n; i++ {
		t := time.NewTicker(time.Second)
		<-t.C
	}
}

// A struct field still references it, but from Go 1.23 that costs nothing
// while nobody waits on C (a channel timer is in the runtime's heap only
// while a receive is blocked on it), and the ticker goes with the monitor
// when the monitor is dropped: silent (before 1.23: a warning,
// ../fields.go).
type monitor struct{ ticker *time.Ticker }

func newMonitor() *monitor {
	m := &monitor{}
	m.ticker = time.NewTicker(time.Second)
	return m
}

func (m *monitor) wait() { <-m.ticker.C }
