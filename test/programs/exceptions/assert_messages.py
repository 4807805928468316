# assert with and without messages, caught and inspected.
def check(v):
    assert isinstance(v, int), f"expected int, got {type(v).__name__}"
    assert v >= 0, ("negative", v)
    assert v != 13
    return v * 2

for v in (4, "s", -2, 13, 0):
    try:
        print("ok", check(v))
    except AssertionError as e:
        print("AssertionError", e.args, repr(str(e)))
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
pair = (1, 2)
assert pair, "tuple with elements is truthy"
assert 1 < 2 < 3
x = 0
assert not x, x
print("all asserts passed")
