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

// A struct field still references it: still a warning.
type monitor struct{ ticker *time.Ticker }

func newMonitor() *monitor {
	m := &monitor{}
	m.ticker = time.NewTicker(time.Second) // want "ticker-not-stopped:warning"
	return m
}

func (m *monitor) wait() { <-m.ticker.C }
