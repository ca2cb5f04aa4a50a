// The source of the dump in this case, as the /app/leak.go of the machine
// that took it: SARIF maps /app/leak.go to this file by its suffix.
package main
