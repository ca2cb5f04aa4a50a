package cases

import (
	"bufio"
	"io"
	"os"
	"strings"
)

// A deferred closure reads the variable when the function returns, so it
// closes the file opened later in the loop, on every exit.  Silent.
func copyLog(r io.Reader, path string) {
	br := bufio.NewReader(r)
	var out *os.File
	defer func() {
		if out != nil {
			_ = out.Close()
		}
	}()
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		if out == nil && strings.HasPrefix(line, "panic:") {
			out, err = os.Create(path)
			if err != nil {
				continue
			}
		}
		if out != nil {
			out.WriteString(line)
		}
	}
}

// The leaky twin: `defer out.Close()` evaluates out when the defer runs,
// while it is still nil; the file opened after it is never closed.
func earlyDefer(path string) {
	var out *os.File
	defer out.Close()
	var err error
	out, err = os.Create(path) // want "file-not-closed"
	if err != nil {
		return
	}
	out.WriteString("x")
}
