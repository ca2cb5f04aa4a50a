package pkg

import "time"

type server struct {
	quit chan struct{}
	tick *time.Ticker
}

// Stop is what ends loop and the ticker; it sorts before the directory sub/.
func (s *server) Stop() {
	close(s.quit)
	s.tick.Stop()
}
