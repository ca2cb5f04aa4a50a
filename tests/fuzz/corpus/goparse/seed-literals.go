package p

const (
	a = 1_000_000
	b = 0x_FF
	c = 0o17 + 017 + 0b1010
	d = 0x1p-2 + 0x1.8P3 + 1e9 + .5 + 1. + 6.02e+23
	e = 3i + .5i + 0x1p2i + 012i
	f = 'a' + '\n' + '\x7f' + '\u00e9' + '\U0001F600' + '\'' + 'é'
	g = "tab\there \"quoted\" \\ é 😀"
	h = `raw
string with \n and "quotes"`
)
