package main

import (
	"fmt"
	"time"
)

// main of package main: the program ends when it returns.
func main() {
	for t := range time.Tick(time.Second) {
		fmt.Println(t)
		return
	}
}
