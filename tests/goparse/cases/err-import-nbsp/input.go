package p

import "a\u00a0b"
