// Package shared has a server whose loop nobody stops: every test that
// starts one through the shared helper leaves its loop behind.
package shared

// Server answers requests on reqs until reqs is closed.
type Server struct {
	reqs chan int
}

// Start starts the server's loop.
func Start() *Server {
	s := &Server{reqs: make(chan int)}
	go s.loop()
	return s
}

func (s *Server) loop() {
	for r := range s.reqs {
		_ = r
	}
}

// Stop ends the loop.
func (s *Server) Stop() { close(s.reqs) }
