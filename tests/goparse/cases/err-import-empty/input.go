package p

import ""
