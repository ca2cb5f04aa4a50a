// gdump-pkg keeps its blocking code in a package of its own (leak), so that
// built under a module whose path has no dot (`module app`, see
// build_in_module in tests/lib.sh) every blocking frame is
// "app/gdump-pkg/leak.*": the user's code, which a dot-in-the-path rule
// would take for the standard library.
//
// -mode picks what the program does (-delay D: pair starts after D), then prints "READY" on stdout:
//   leak      early-return senders blocked forever; main sleeps (alive)
//   pair      two goroutines wait for each other and main waits for them:
//             built with CGO_ENABLED=0 the runtime ends the program with
//             "fatal error: all goroutines are asleep - deadlock!"; built
//             with cgo (the net package links it) the runtime cannot tell,
//             and the program hangs until it is killed
//   park      -n workers parked on one stop channel; main sleeps (alive)
package main

import (
	"flag"
	"fmt"
	_ "net" // links cgo unless CGO_ENABLED=0
	"time"

	"leakhound.test/progs/gdump-pkg/leak"
)

func main() {
	n := flag.Int("n", 5, "goroutines per scenario")
	mode := flag.String("mode", "leak", "leak, pair or park")
	life := flag.Duration("life", 60*time.Second, "exit after this long")
	delay := flag.Duration("delay", 0, "pair: wait this long before the pair starts")
	flag.Parse()
	switch *mode {
	case "leak":
		leak.EarlyReturn(*n)
	case "park":
		stop := leak.Park(*n)
		defer close(stop)
	case "pair":
		fmt.Println("READY")
		time.Sleep(*delay)
		leak.Pair()
	}
	fmt.Println("READY")
	time.Sleep(*life)
}
