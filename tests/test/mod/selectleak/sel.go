// Package selectleak waits for one of two channels that never fire.
package selectleak

// Watch starts a goroutine that waits for data or a stop signal; the
// caller drops both channels.
func Watch() {
	data := make(chan string)
	stop := make(chan struct{})
	go func() {
		select {
		case s := <-data:
			_ = s
		case <-stop:
		}
	}()
}
