package cases

import (
	"fmt"
	"time"
)

// Stop stops the ticks but does not close C: the range never ends.
type scraper struct {
	ticker *time.Ticker
	n      int
}

func newScraper(every time.Duration) *scraper {
	s := &scraper{ticker: time.NewTicker(every)}
	go s.run() // want "goroutine-no-exit:warning"
	return s
}

func (s *scraper) run() {
	for range s.ticker.C {
		s.n++
		fmt.Println("scrape", s.n)
	}
}

func (s *scraper) Stop() { s.ticker.Stop() }

// The same with a function literal started by a start method.
type beacon struct {
	t *time.Ticker
}

func (b *beacon) start() {
	b.t = time.NewTicker(time.Second)
	go func() { // want "goroutine-no-exit"
		for t := range b.t.C {
			fmt.Println("beacon", t)
		}
	}()
}

func (b *beacon) Close() { b.t.Stop() }
