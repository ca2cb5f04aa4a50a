// Package hang waits for a reply that never comes.
package hang

// Ask sends a request to a server goroutine that is never started.
func Ask(req chan int) int {
	reply := make(chan int)
	req <- 1
	return <-reply
}
