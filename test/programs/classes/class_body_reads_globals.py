# A class body reads a name it has not bound yet from the module, then the builtins (CPython's
# LOAD_NAME); never from an enclosing function, so that is a NameError.
x = [1]
n = 5


class C:
    x = x + [2]
    n = n * 2
    len = len("abc")
    y = 1
    y = y + 1


print(x, C.x, n, C.n, C.len, C.y)


def f():
    y = [1]

    class D:
        y = y + [3]
    return y, D.y


try:
    print(f())
except NameError as e:
    print("NameError:", e)


class E:
    try:
        z = z + 1
    except NameError as e:
        msg = str(e)


print(E.msg)
