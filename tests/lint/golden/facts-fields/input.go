package p

import (
	"os"
	"time"
)

type poller struct {
	ticker *time.Ticker
	quit   chan struct{}
	out    *os.File
	n      int
}

func newPoller(f *os.File) *poller {
	p := &poller{ticker: time.NewTicker(time.Second), quit: make(chan struct{}), out: f}
	go p.loop()
	return p
}

// the goroutine: waits on the ticker and the quit channel
func (p *poller) loop() {
	for {
		select {
		case <-p.ticker.C:
			p.n++
		case <-p.quit:
			return
		}
	}
}

// Stop releases through a helper method
func (p *poller) Stop() {
	close(p.quit)
	p.release()
}

func (p *poller) release() {
	p.ticker.Stop()
	if p.out != nil {
		p.out.Close()
	}
}

// restart sets the ticker: the old one is stopped first on one path only
func (p *poller) restart(d time.Duration, force bool) {
	if force {
		p.ticker.Stop()
	}
	p.ticker = time.NewTicker(d)
}

// value receiver, unnamed parameters
func (poller) describe(int, string) string { return "poller" }
