// gdump-pkg keeps its blocking code in a package of its own (leak), so that
// built under a module whose path has no dot (`module app`, see
// build_in_module in tests/lib.sh) every blocking frame is
// "app/gdump-pkg/leak.*": the user's code, which a dot-in-the-path rule
// would take for the standard library.
//
// -mode picks what the program does, then prints "READY" on stdout:
//   leak      early-return senders blocked forever; main sleeps (alive)
//   hang      two goroutines wait for each other and main waits for them;
//             an HTTP server keeps the runtime from calling it a deadlock
//   deadlock  the same pair without the server: the runtime ends the
//             program with "fatal error: all goroutines are asleep"
//   park      -n workers parked on one stop channel; main sleeps (alive)
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"app/gdump-pkg/leak"
)

func main() {
	n := flag.Int("n", 5, "goroutines per scenario")
	mode := flag.String("mode", "leak", "leak, hang, deadlock or park")
	life := flag.Duration("life", 60*time.Second, "exit after this long")
	flag.Parse()
	switch *mode {
	case "leak":
		leak.EarlyReturn(*n)
	case "park":
		stop := leak.Park(*n)
		defer close(stop)
	case "hang":
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		go http.Serve(l, nil)
		fmt.Println("READY")
		leak.Pair()
	case "deadlock":
		fmt.Println("READY")
		leak.Pair()
	}
	fmt.Println("READY")
	time.Sleep(*life)
}
