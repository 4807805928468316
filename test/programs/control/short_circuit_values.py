# and/or return operands, not booleans; not always returns a bool.
print(0 or "default", "" or [] or None, 5 or 1 / 0, 0 and 1 / 0, "a" and "b", None and 3)
print([] or {}, (0, ) or 1, 0.0 or -0.0, "x" and 0, not "", not [0], not None)
def calls(tag, value):
    print("  eval", tag)
    return value

print(calls("a", 0) or calls("b", 2) or calls("c", 3))
print(calls("a", 1) and calls("b", 0) and calls("c", 3))
print((calls("a", 1) or calls("b", 1)) and not calls("c", 0))
name = None
display = name or "anonymous"
size = len(name or "") or -1
print(display, size)
vals = [3, None, 0, "", "x"]
print([v or "?" for v in vals], [v is None for v in vals], [bool(v) for v in vals])
a, b = 3, 7
print(a if a > b else b, "big" if b > 5 else "small" if b > 2 else "tiny", (a, b)[a < b])
