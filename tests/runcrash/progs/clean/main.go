// clean: leaves a goroutine blocked and exits cleanly; nothing can see it
// after the fact.
package main

import "time"

func main() {
	ch := make(chan int)
	go func() { ch <- 1 }()
	time.Sleep(time.Second)
}
