package cases

import "time"

type reaper struct {
	ticker *time.Ticker
	quit   chan struct{}
}

func (r *reaper) run() {
	for {
		select {
		case <-r.ticker.C:
		case <-r.quit:
			return
		}
	}
}

// A package-level singleton: one ticker for the life of the process, which
// the value lives for anyway.  True but harmless: silent.
var defaultReaper = &reaper{ticker: time.NewTicker(time.Minute)}

// Made by an unexported constructor whose only call sets a package-level
// variable: the same.  Silent.
type sweeper struct{ ticker *time.Ticker }

func newSweeper() *sweeper {
	return &sweeper{ticker: time.NewTicker(time.Minute)}
}

var theSweeper = newSweeper()

func (s *sweeper) wait() { <-s.ticker.C }

// Made in init: once.  Silent.
type pinger struct{ ticker *time.Ticker }

var thePinger *pinger

func init() {
	thePinger = &pinger{ticker: time.NewTicker(time.Minute)}
}

func (p *pinger) wait() { <-p.ticker.C }

// The leaky twin: the constructor is called per connection, and no value
// of the type lives as long as the process: each has its own ticker that
// nothing stops.
type session struct{ ticker *time.Ticker }

func newSession() *session {
	return &session{ticker: time.NewTicker(time.Second)} // want "ticker-not-stopped"
}

func serve(n int) {
	for i := 0; i < n; i++ {
		s := newSession()
		<-s.ticker.C
	}
}

// An exported constructor: other packages may call it any number of times.
type Poller struct{ ticker *time.Ticker }

func NewPoller() *Poller {
	return &Poller{ticker: time.NewTicker(time.Second)} // want "ticker-not-stopped"
}

func (p *Poller) Wait() { <-p.ticker.C }
