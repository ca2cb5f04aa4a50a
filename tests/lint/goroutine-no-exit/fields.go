package cases

import (
	"fmt"
	"time"
)

// Start with no reachable Stop: nothing in the package closes quit.
type poller struct {
	quit chan struct{}
	every time.Duration
}

func newPoller(every time.Duration) *poller {
	return &poller{quit: make(chan struct{}), every: every}
}

func (p *poller) Start() {
	go p.loop() // want "goroutine-no-exit"
}

func (p *poller) loop() {
	t := time.NewTicker(p.every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			fmt.Println("poll")
		case <-p.quit:
			return
		}
	}
}

// fixed twin: Stop closes the field.
type janitor struct {
	done chan struct{}
}

func newJanitor() *janitor {
	j := &janitor{done: make(chan struct{})}
	go func() {
		for {
			select {
			case <-time.After(time.Minute):
				fmt.Println("sweep")
			case <-j.done:
				return
			}
		}
	}()
	return j
}

func (j *janitor) Stop() { close(j.done) }

// the channel comes from the caller: not judged.
type follower struct {
	stop chan bool
}

func newFollower(stop chan bool) *follower {
	f := &follower{stop: stop}
	go func() {
		for {
			select {
			case <-time.After(time.Second):
			case <-f.stop:
				return
			}
		}
	}()
	return f
}

// Two types with a quit field: the other type's Close does not close
// this one's (the field model tells them apart).
type tailer struct {
	quit chan struct{}
	path string
}

func newTailer(path string) *tailer {
	t := &tailer{quit: make(chan struct{}), path: path}
	go func() { // want "goroutine-no-exit"
		for {
			select {
			case <-time.After(time.Second):
				fmt.Println("tail", t.path)
			case <-t.quit:
				return
			}
		}
	}()
	return t
}

type shipper struct {
	quit chan struct{}
}

func newShipper() *shipper {
	s := &shipper{quit: make(chan struct{})}
	go func() {
		for {
			select {
			case <-time.After(time.Second):
				fmt.Println("ship")
			case <-s.quit:
				return
			}
		}
	}()
	return s
}

func (s *shipper) Close() { close(s.quit) }
