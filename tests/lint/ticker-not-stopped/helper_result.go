package cases

import "time"

// A helper that makes and returns a ticker: the caller must stop it.
func newHeartbeat(d time.Duration) *time.Ticker {
	return time.NewTicker(d)
}

func waitBeats(n int) {
	t := newHeartbeat(time.Second) // want "ticker-not-stopped"
	for i := 0; i < n; i++ {
		<-t.C
	}
}

// fixed twin
func waitBeatsFixed(n int) {
	t := newHeartbeat(time.Second)
	defer t.Stop()
	for i := 0; i < n; i++ {
		<-t.C
	}
}
