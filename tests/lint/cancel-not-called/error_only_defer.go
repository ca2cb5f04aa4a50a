package cases

import (
	"context"
	"errors"
	"net"
)

type session struct{ conn net.Conn }

func handshake(ctx context.Context, c net.Conn) (*session, error) {
	if ctx == nil || c == nil {
		return nil, errors.New("no connection")
	}
	return &session{conn: c}, nil
}

// The deferred closure cancels only when an error is returned: the
// successful return leaves the child context registered with its parent.
func dialSession(parent context.Context, c net.Conn) (_ *session, err error) {
	ctx, cancel := context.WithCancel(parent) // want "cancel-not-called:warning"
	defer func() {
		if err != nil {
			cancel()
		}
	}()
	s, err := handshake(ctx, c)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Every return carries a non-nil error or the error variable: the
// deferred closure runs cancel on each of them as far as we can tell.
func dialStrict(parent context.Context, c net.Conn) (_ *session, err error) {
	ctx, cancel := context.WithCancel(parent)
	defer func() {
		if err != nil {
			cancel()
		}
	}()
	s, err := handshake(ctx, c)
	if err != nil {
		return nil, err
	}
	err = errors.New("refused")
	return s, err
}

// Cancel handed to the session on success: silent.
type owned struct {
	s      *session
	cancel context.CancelFunc
}

func dialOwned(parent context.Context, c net.Conn) (_ *owned, err error) {
	ctx, cancel := context.WithCancel(parent)
	defer func() {
		if err != nil {
			cancel()
		}
	}()
	s, err := handshake(ctx, c)
	if err != nil {
		return nil, err
	}
	return &owned{s: s, cancel: cancel}, nil
}
