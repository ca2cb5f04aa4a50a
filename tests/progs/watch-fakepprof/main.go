// watch-fakepprof: a misbehaving pprof endpoint for the robustness tests
// of leakhound watch.  Every path answers according to -mode:
//
//	404, 500   that status
//	hang       accept, read the request, never answer (until -life)
//	endless    200 and a body that never ends
//	huge       200 and a 64 MiB body of zeros
//	garbage    200 and bytes that are no profile
//
// It listens on 127.0.0.1 only and exits after -life.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"
)

func main() {
	mode := flag.String("mode", "404", "how to misbehave")
	port := flag.Int("port", envPort(), "port on 127.0.0.1 (0: any)")
	life := flag.Duration("life", 60*time.Second, "exit after this long")
	flag.Parse()
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		fmt.Fprintln(os.Stderr, "listen:", err)
		os.Exit(1)
	}
	fmt.Printf("pprof http://%s\n", ln.Addr())
	time.AfterFunc(*life, func() { os.Exit(0) })
	chunk := make([]byte, 64*1024)
	http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch *mode {
		case "404":
			http.NotFound(w, r)
		case "500":
			http.Error(w, "internal error", http.StatusInternalServerError)
		case "hang":
			<-r.Context().Done()
		case "endless":
			for r.Context().Err() == nil {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		case "huge":
			for i := 0; i < 1024; i++ {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		case "garbage":
			fmt.Fprintln(w, "<html>this is not a profile</html>")
		}
	}))
}

func envPort() int {
	p, _ := strconv.Atoi(os.Getenv("PPROF_PORT"))
	return p
}
