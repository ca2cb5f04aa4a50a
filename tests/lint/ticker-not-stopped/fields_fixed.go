package cases

import (
	"fmt"
	"time"
)

// The fixed twin of reporter: Close stops the ticker too.
type reporter struct {
	tick *time.Ticker
	quit chan struct{}
}

func (r *reporter) start(every time.Duration) {
	r.tick = time.NewTicker(every)
	r.quit = make(chan struct{})
	go r.loop()
}

func (r *reporter) loop() {
	for {
		select {
		case <-r.tick.C:
			fmt.Println("report")
		case <-r.quit:
			return
		}
	}
}

func (r *reporter) Close() {
	r.tick.Stop()
	close(r.quit)
}

// A method value of Stop, kept for later: it may be called.
type pacer struct {
	t       *time.Ticker
	cleanup []func()
}

func newPacer() *pacer {
	p := &pacer{t: time.NewTicker(time.Second)}
	p.cleanup = append(p.cleanup, p.t.Stop)
	return p
}

// Handed on: returned to the caller, who owns it now.
type source struct {
	tick *time.Ticker
}

func newSource() *source { return &source{tick: time.NewTicker(time.Second)} }

func (s *source) Ticker() *time.Ticker { return s.tick }

// Set from a parameter: not this type's ticker.
type borrower struct {
	tick *time.Ticker
}

func newBorrower(t *time.Ticker) *borrower { return &borrower{tick: t} }

// Exported field: other packages may stop it.
type Clock struct {
	Tick *time.Ticker
}

func NewClock() *Clock { return &Clock{Tick: time.NewTicker(time.Second)} }

// A value that lives as long as the process: a package-level singleton.
// Its ticker is meant to fire for ever (true but harmless: not reported).
type heartbeat struct {
	tick *time.Ticker
}

var beat = &heartbeat{tick: time.NewTicker(time.Minute)}

func (h *heartbeat) run() {
	for range h.tick.C {
		fmt.Println("alive")
	}
}

func init() { go beat.run() }
