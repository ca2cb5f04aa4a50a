package cases

import (
	"io"
	"net/http"
)

type apiTest struct {
	c   *http.Client
	url string
}

// Another struct with a field c that is not a client: the field name alone
// does not say what s.c is.
type conn struct {
	c cache
}

type cache struct{}

func (cache) Get(string) (*http.Response, error) { return nil, nil }

func newAPITest(url string) *apiTest { return &apiTest{c: &http.Client{}, url: url} }

// The variable's type is known from the constructor: s.c is the client.
func status(url string) (int, error) {
	s := newAPITest(url)
	res, err := s.c.Get(s.url) // want "body-not-closed"
	if err != nil {
		return 0, err
	}
	return res.StatusCode, nil
}

// The same from a closure that captures s.
func statusAsync(url string, out chan<- []byte) {
	s := newAPITest(url)
	go func() {
		res, err := s.c.Get(s.url) // want "body-not-closed"
		if err != nil {
			return
		}
		b, _ := io.ReadAll(res.Body)
		out <- b
	}()
}

// A conn's c is the cache: nothing to close.
func cached(k conn) int {
	res, err := k.c.Get("x")
	if err != nil || res == nil {
		return 0
	}
	return res.StatusCode
}

// A local type of the same name as the package's: its c is the cache.
func localType(url string) int {
	type apiTest struct{ c cache }
	s := apiTest{}
	res, err := s.c.Get(url)
	if err != nil || res == nil {
		return 0
	}
	return res.StatusCode
}

// A local function value of the same name as the package's constructor.
func localCtor(url string) int {
	newAPITest := func() *conn { return &conn{} }
	s := newAPITest()
	res, err := s.c.Get(url)
	if err != nil || res == nil {
		return 0
	}
	return res.StatusCode
}
