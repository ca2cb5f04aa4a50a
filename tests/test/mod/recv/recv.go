// Package recv starts a consumer of a channel that is never closed.
package recv

// Sum starts a goroutine that adds up what it receives; nothing closes in.
func Sum(vals []int) chan int {
	in := make(chan int, len(vals))
	go func() {
		total := 0
		for v := range in {
			total += v
		}
		_ = total
	}()
	for _, v := range vals {
		in <- v
	}
	return in
}
