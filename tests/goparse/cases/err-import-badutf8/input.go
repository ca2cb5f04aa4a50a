package p

import "\xff"
