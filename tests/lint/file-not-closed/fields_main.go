package main

import (
	"fmt"
	"os"
)

// A log file of a value made once in main lives as long as the process:
// true but harmless, not reported.
type app struct {
	log *os.File
}

func newApp() *app {
	f, _ := os.Create("app.log")
	return &app{log: f}
}

func main() {
	a := newApp()
	fmt.Fprintln(a.log, "started")
}
