package p

import "a\u200bb"
