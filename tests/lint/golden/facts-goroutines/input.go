package p

import "context"

type server struct {
	done chan struct{}
	jobs chan int
}

// the goroutine started with a method: what it does is listed under go:
func (s *server) loop(done <-chan struct{}) {
	for {
		select {
		case <-done:
			return
		case j := <-s.jobs:
			_ = j
		}
	}
}

func start(s *server, done chan struct{}) {
	go s.loop(done)
}

// a goroutine literal that captures the parameters
func watch(ctx context.Context, errc chan<- error, cancel context.CancelFunc) {
	go func() {
		<-ctx.Done()
		errc <- ctx.Err()
		cancel()
	}()
}

// the method's receiver fields, through a method it calls and one it starts
func (s *server) Close() {
	s.stop()
	go s.drain()
}

func (s *server) stop() { close(s.done) }

func (s *server) drain() {
	for range s.jobs {
	}
}
