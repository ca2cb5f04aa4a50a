package cases

import (
	"fmt"
	"time"
)

// The fixed twin: select on the ticks and on a done channel Stop closes.
type scraper struct {
	ticker *time.Ticker
	done   chan struct{}
	n      int
}

func newScraper(every time.Duration) *scraper {
	s := &scraper{ticker: time.NewTicker(every), done: make(chan struct{})}
	go s.run()
	return s
}

func (s *scraper) run() {
	for {
		select {
		case <-s.ticker.C:
			s.n++
			fmt.Println("scrape", s.n)
		case <-s.done:
			return
		}
	}
}

func (s *scraper) Stop() {
	s.ticker.Stop()
	close(s.done)
}

// A way out of the range: it ends after ten ticks.
type beacon struct {
	t *time.Ticker
}

func (b *beacon) start() {
	b.t = time.NewTicker(time.Second)
	go func() {
		n := 0
		for range b.t.C {
			if n++; n == 10 {
				b.t.Stop()
				return
			}
		}
	}()
}

// Started from init, owned by a package-level value: a daemon for the
// life of the process (true but harmless, not reported).
type metrics struct {
	tick *time.Ticker
}

var global = &metrics{tick: time.NewTicker(time.Minute)}

func (m *metrics) loop() {
	for range m.tick.C {
		fmt.Println("flush")
	}
}

func init() { go global.loop() }
