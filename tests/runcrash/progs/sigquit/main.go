// sigquit: a goroutine is blocked when someone (here the program itself,
// standing for an operator's kill -QUIT) sends SIGQUIT.
package main

import (
	"os"
	"syscall"
	"time"
)

func produce(out chan<- string) {
	out <- "never read"
}

func main() {
	out := make(chan string)
	for i := 0; i < 4; i++ {
		go produce(out)
	}
	time.Sleep(100 * time.Millisecond)
	syscall.Kill(os.Getpid(), syscall.SIGQUIT)
	time.Sleep(5 * time.Second)
}
