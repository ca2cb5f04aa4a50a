package main

import (
	"fmt"
	"os"
	"time"
)

// a file per run of the command: not reported by default
func size(p string) (int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// a timer per iteration grows within one run: reported in command code too
func follow(ch chan string) {
	for {
		select {
		case s := <-ch:
			fmt.Println(s)
		case <-time.After(time.Second):
		}
	}
}

func main() {
	n, _ := size(os.Args[1])
	fmt.Println(n)
	follow(make(chan string))
}
