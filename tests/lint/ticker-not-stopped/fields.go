package cases

import (
	"fmt"
	"time"
)

// A start method makes the ticker; Close stops the loop but not the ticker.
type reporter struct {
	tick *time.Ticker
	quit chan struct{}
}

func newReporter() *reporter {
	return &reporter{quit: make(chan struct{})}
}

func (r *reporter) start(every time.Duration) {
	r.tick = time.NewTicker(every) // want "ticker-not-stopped:warning"
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

func (r *reporter) Close() { close(r.quit) }

// Set in the constructor through a local, promoted through an embedded
// struct: the outer type's methods never stop it either.
type pacer struct {
	t *time.Ticker
}

type limiter struct {
	pacer
	n int
}

func newLimiter(d time.Duration) *limiter {
	t := time.NewTicker(d)
	l := &limiter{n: 1}
	l.pacer = pacer{t: t} // want "ticker-not-stopped"
	return l
}

func (l *limiter) wait() { <-l.t.C }

// Another type has a field of the same name that is stopped: the model
// tells them apart by the receiver's type.
type sampler struct {
	tick *time.Ticker
}

func newSampler() *sampler {
	return &sampler{tick: time.NewTicker(time.Second)} // want "ticker-not-stopped"
}

func (s *sampler) next() time.Time { return <-s.tick.C }

type flusher struct {
	tick *time.Ticker
}

func newFlusher() *flusher {
	return &flusher{tick: time.NewTicker(time.Second)}
}

func (f *flusher) Stop() { f.tick.Stop() }
