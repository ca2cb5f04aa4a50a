package cases

import (
	"net"
	"net/http"
)

var sessions = map[string]string{} // want "unbounded-global:note"

func login(w http.ResponseWriter, r *http.Request) {
	sessions[r.FormValue("user")] = r.RemoteAddr
}

var seen []string // want "unbounded-global"

func record(w http.ResponseWriter, r *http.Request) {
	seen = append(seen, r.URL.Path)
}

var hits = make(map[string]int) // want "unbounded-global"

func count(c net.Conn) {
	hits[c.RemoteAddr().String()]++
}
