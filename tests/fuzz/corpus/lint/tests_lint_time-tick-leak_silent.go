package cases

import (
	"log"
	"time"
)

func init() {
	go func() {
		for range time.Tick(time.Minute) {
			log.Println("still alive")
		}
	}()
}

// Never returns: the ticker lives as long as the program anyway.
func heartbeat() {
	for range time.Tick(time.Second) {
		log.Println("beat")
	}
}

func worker(jobs chan int) {
	t := time.Tick(time.Second)
	for {
		select {
		case <-t:
		case j := <-jobs:
			_ = j
		}
	}
}

// A package-level ticker lives for the program's life.
var everySecond = time.Tick(time.Second)

// A local named time.
type fake struct{}

func (fake) Tick(d int) <-chan int { return nil }

func shadow() {
	time := fake{}
	<-time.Tick(1)
}
