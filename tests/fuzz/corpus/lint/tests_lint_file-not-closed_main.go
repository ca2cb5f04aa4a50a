package main

import (
	"bufio"
	"os"
)

// main: the process ends when it returns.
func main() {
	f, err := os.Open("/etc/hostname")
	if err != nil {
		os.Exit(1)
	}
	s := bufio.NewScanner(f)
	s.Scan()
}
