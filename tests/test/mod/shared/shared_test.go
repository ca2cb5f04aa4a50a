package shared

import "testing"

// startServer is the helper every test uses: the goroutine's creator is
// Start, called from here, not the test.
func startServer(t *testing.T) *Server {
	t.Helper()
	return Start()
}

func TestOne(t *testing.T) {
	startServer(t)
}

func TestTwo(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		startServer(t)
	})
}

func TestStopped(t *testing.T) {
	startServer(t).Stop()
}
