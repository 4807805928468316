# REJECT 4
buf = [1, 2, 3]
print(len(buf))
buf.clear()
print(len(buf))
