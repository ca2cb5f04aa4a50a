// Package sub only sorts between a.go and z.go.
package sub
