// panic: workers are blocked on a channel when main panics.
package main

import "time"

func wait(ch chan int) {
	<-ch
}

func main() {
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		go wait(ch)
	}
	time.Sleep(100 * time.Millisecond)
	var m map[string]int
	m["x"] = 1 // assignment to entry in nil map
}
