package cases

import "time"

// Go 1.23: a forgotten local ticker is collected once unreferenced: note.
func wait() {
	t := time.NewTicker(time.Second) // want "ticker-not-stopped:note"
	<-t.C
}

// A struct field still references it: still a warning.
type monitor struct{ ticker *time.Ticker }

func newMonitor() *monitor {
	m := &monitor{}
	m.ticker = time.NewTicker(time.Second) // want "ticker-not-stopped:warning"
	return m
}

func (m *monitor) wait() { <-m.ticker.C }
