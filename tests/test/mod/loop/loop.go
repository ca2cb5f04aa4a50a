// Package loop starts a generator that loops for ever: its only way out
// is a quit channel that Take forgets to close (goroutine-no-exit).
package loop

// Take returns the first n numbers of the generator.
func Take(n int) []int {
	c := make(chan int)
	quit := make(chan struct{})
	go func() {
		x := 0
		for {
			select {
			case c <- x:
				x++
			case <-quit:
				return
			}
		}
	}()
	var out []int
	for i := 0; i < n; i++ {
		out = append(out, <-c)
	}
	return out
}
