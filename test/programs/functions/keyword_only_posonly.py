# Keyword-only and positional-only parameters.
def scale(x, *, factor=2, offset=0):
    return x * factor + offset

def clip(value, /, lo=0, hi=10):
    return max(lo, min(hi, value))

def tag(*items, sep=", ", end="."):
    return sep.join(str(i) for i in items) + end

def mixed(a, b=1, /, c=2, *, d, e=5, **rest):
    return (a, b, c, d, e, sorted(rest.items()))

print(scale(3), scale(3, factor=10), scale(3, offset=1, factor=0))
print(clip(15), clip(-3), clip(5, 6), clip(5, hi=4), clip(20, lo=1, hi=30))
print(tag(), tag(1, 2, 3), tag("a", "b", sep="|", end="!"))
print(mixed(1, d=4), mixed(1, 2, 3, d=4, e=6, z=9, y=8), mixed(0, c=7, d=1))
print(mixed(1, 2, d=0, a="named"))
for bad in ("scale(1, 2)", "clip(value=3)", "mixed(1)"):
    try:
        if bad == "scale(1, 2)":
            scale(1, 2)
        elif bad == "clip(value=3)":
            clip(value=3)
        else:
            mixed(1)
    except TypeError as e:
        print("TypeError:", e)
