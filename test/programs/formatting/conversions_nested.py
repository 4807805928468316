# !r/!s/!a conversions, nested format specs and the = debugging specifier.
name = "Ada"
print(f"{name!r:^9}|{name!s:>5}|{name!a}|{'é'!a}|{'é'!r}")
for w, p in ((8, 2), (10, 4), (5, 0)):
    x = 3.14159265
    print(f"[{x:{w}.{p}f}] [{name:>{w}}] [{x:{'<' if p else '>'}{w}.{p}}]")
print("[{:{}}] [{:{}.{}}] [{:{fill}^{width}}]".format("ab", 5, 2.71828, 8, 3, "c", fill="*", width=7))
value = 17
print(f"{value=}", f"{value * 2 = }", f"{name=!s}", f"{value=:>5}")
print(f"{{literal}} {{{value}}} {'{'}", "{{}} {}".format(1))
items = ("a", "bb", "ccc")
width = max(len(s) for s in items) + 2
for i, s in enumerate(items):
    print(f"{i:>{width // 2}}: {s:.<{width}}|")
print(f"{None!r} {True!s:>6} {3.0!r} {[1, 'a']!r:>12}")
