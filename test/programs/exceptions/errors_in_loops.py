# Collecting results and errors from a loop without mutation.
def parse_all(items):
    ok = ()
    bad = ()
    for it in items:
        try:
            v = int(it)
        except ValueError:
            bad = bad + (it,)
            continue
        except TypeError:
            bad = bad + (repr(it),)
            continue
        else:
            if v < 0:
                break
        finally:
            pass
        ok = ok + (v,)
    return ok, bad

print(parse_all(["1", "x", "2", None, "3.5", " 4 ", "-1", "5"]))
def safe_ratio(pairs):
    return tuple((a / b) if b else None for a, b in pairs)
print(safe_ratio([(1, 2), (3, 0), (0, 5)]))
def first_valid(*candidates):
    for c in candidates:
        try:
            return float(c)
        except (ValueError, TypeError):
            pass
    return None
print(first_valid("a", None, "2e3", "5"), first_valid(), first_valid("nan").__class__.__name__)
attempts = 0
result = None
while result is None:
    attempts = attempts + 1
    try:
        if attempts < 3:
            raise ConnectionError(f"try {attempts}")
        result = "connected"
    except ConnectionError as e:
        print("retry after", e)
print(result, attempts)
