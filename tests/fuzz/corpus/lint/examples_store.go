package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
)

var (
	mu      sync.Mutex
	results = map[string]result{}
)

func store(ctx context.Context, url string, r result) {
	mu.Lock()
	defer mu.Unlock()
	results[url] = r
}

// api queues checks and answers status queries.
type api struct {
	jobs chan<- string
}

func (a *api) handleCheck(w http.ResponseWriter, r *http.Request) {
	url := r.FormValue("url")
	mu.Lock()
	results[url] = result{Err: "pending"}
	mu.Unlock()
	a.jobs <- url
	w.WriteHeader(http.StatusAccepted)
}

func handleStatus(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	res, ok := results[r.FormValue("url")]
	mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	fmt.Fprintln(w, describe(res))
}

// loadSeeds reads one URL per line; blank lines and # comments are skipped.
func loadSeeds(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	var urls []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !strings.Contains(line, "://") {
			return nil, fmt.Errorf("%s: not a URL: %q", path, line)
		}
		urls = append(urls, line)
	}
	if err := s.Err(); err != nil {
		return nil, err
	}
	return urls, f.Close()
}
