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

// Written by setup code, not by request handling.
var flags = map[string]bool{}

func setFlag(name string) { flags[name] = true }

// Truncated.
var queue []string

func push(ctx context.Context, s string) { queue = append(queue, s) }
func flush(ctx context.Context)          { queue = queue[:0] }

// Reassigned.
var cache = map[string]int{}

func put(ctx context.Context, k string) { cache[k] = 1 }
func reset()                            { cache = map[string]int{} }

// Handed to a function that may delete.
var conns = map[string]int{}

func add(ctx context.Context, k string) {
	conns[k] = 1
	prune(conns)
}

func prune(m map[string]int) {}

// A literal key at every call site: bounded.
var counters = map[string]int{}

func bump(ctx context.Context, name string) { counters[name]++ }

func handler(ctx context.Context) {
	bump(ctx, "requests")
	bump(ctx, "errors")
}
