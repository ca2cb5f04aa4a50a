package cases

import (
	"context"
	"net/http"
)

// Deleted from somewhere in the package.
var sessions = map[string]string{}

func login(w http.ResponseWriter, r *http.Request) {
	sessions[r.FormValue("user")] = r.RemoteAddr
}

func logout(w http.ResponseWriter, r *http.Request) {
	delete(sessions, r.FormValue("user"))
}

// Filled only by init.
var registry = map[string]func(){}

func init() {
	registry["a"] = func() {}
}

// A context is not a request: tools pass contexts everywhere.
var loaded = map[string]bool{}

func load(ctx context.Context, pkg string) { loaded[pkg] = true }

// Written by setup code, not by request handling.
var flags = map[string]bool{}

func setFlag(name string) { flags[name] = true }

// Truncated.
var queue []string

func push(w http.ResponseWriter, r *http.Request) { queue = append(queue, r.URL.Path) }
func flush(w http.ResponseWriter, r *http.Request) { queue = queue[:0] }

// Reassigned.
var cache = map[string]int{}

func put(w http.ResponseWriter, r *http.Request) { cache[r.URL.Path] = 1 }
func reset()                            { cache = map[string]int{} }

// Handed to a function that may delete.
var conns = map[string]int{}

func add(w http.ResponseWriter, r *http.Request) {
	conns[r.URL.Path] = 1
	prune(conns)
}

func prune(m map[string]int) {}

// A literal key at every call site: bounded.
var counters = map[string]int{}

func bump(r *http.Request, name string) { counters[name]++ }

func handler(w http.ResponseWriter, r *http.Request) {
	bump(r, "requests")
	bump(r, "errors")
}
