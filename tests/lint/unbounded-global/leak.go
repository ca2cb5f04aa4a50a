package cases

import (
	"context"
	"net/http"
)

var sessions = map[string]string{} // want "unbounded-global:note"

func login(w http.ResponseWriter, r *http.Request) {
	sessions[r.FormValue("user")] = r.RemoteAddr
}

var seen []string // want "unbounded-global"

func record(ctx context.Context, id string) {
	seen = append(seen, id)
}

var hits = make(map[string]int) // want "unbounded-global"

func count(ctx context.Context, path string) {
	hits[path]++
}
