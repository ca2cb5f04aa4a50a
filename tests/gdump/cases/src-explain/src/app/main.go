package main

import (
	"fmt"
	"sync"
	"time"
)

var results = make(chan int, 4)

func poll(ch chan int) {
	for {
		select {
		case v := <-ch:
			fmt.Println(v)
		case <-time.After(time.Second):
			fmt.Println("tick")
		}
	}
}

func fanOut(n int) int {
	ch := make(chan int)
	for i := 0; i < n; i++ {
		go func(i int) {
			ch <- i * i
		}(i)
	}
	return <-ch
}

func buffered() {
	done := make(chan struct{}, 1)
	go func() {
		done <- struct{}{}
		done <- struct{}{}
	}()
}

func consume(in <-chan int) {
	for v := range in {
		fmt.Println(v)
	}
}

func publish() {
	results <- 1
}

var mu sync.Mutex

func locked() {
	mu.Lock()
	defer mu.Unlock()
}

func main() {
	go poll(make(chan int))
	fmt.Println(fanOut(3))
	buffered()
	go consume(make(chan int))
	go publish()
	go locked()
	time.Sleep(time.Hour)
}
