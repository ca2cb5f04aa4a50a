#!/usr/bin/env python3
"""A stalled server: listens on 127.0.0.1 at a free port, prints the port,
accepts every connection and never answers (nor closes)."""
import socket

s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(64)
print(s.getsockname()[1], flush=True)
held = []
while True:
    c, _ = s.accept()
    held.append(c)
