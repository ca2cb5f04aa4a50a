package pkg

import "time"

func newServer() *server {
	s := &server{quit: make(chan struct{}), tick: time.NewTicker(time.Second)}
	go s.loop()
	return s
}

func (s *server) loop() {
	for {
		select {
		case <-s.quit:
			return
		case <-s.tick.C:
		}
	}
}
