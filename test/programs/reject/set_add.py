# REJECT 4
seen = set()
for ch in "hello":
    seen.add(ch)
print(sorted(seen))
