# live checks: written next
