// timeout: a test that waits for a reply nobody sends, ended by
// -test.timeout's panic.
package timeout

import "testing"

func ask(req chan int) int {
	reply := make(chan int)
	req <- 1
	return <-reply
}

func TestAsk(t *testing.T) {
	ask(make(chan int))
}
