// deadlock: main waits for a result its worker sends on another channel;
// the runtime ends it with "all goroutines are asleep - deadlock!".
package main

import "fmt"

func worker(jobs chan int, results chan int) {
	for j := range jobs {
		results <- j * 2
	}
}

func main() {
	jobs := make(chan int)
	results := make(chan int)
	go worker(jobs, results)
	jobs <- 1
	jobs <- 2 // the worker is blocked sending the first result
	fmt.Println(<-results)
}
