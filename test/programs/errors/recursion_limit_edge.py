# The recursion limit counts the module body's frame, as CPython does: with the default
# limit of 1000, 998 nested calls from module code fit and 999 do not, in a numeric kernel
# and in boxed code alike.
def down(n):
    if n == 0:
        return 0
    return 1 + down(n - 1)


def down_str(n):
    if n == 0:
        return ""
    return "" + down_str(n - 1)


for f in (down, down_str):
    for n in (998, 999):
        try:
            print(n, f(n))
        except RecursionError as e:
            print(n, "RecursionError:", e)
