package p

import "a\x01"
