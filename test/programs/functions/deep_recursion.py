# Recursion close to (but below) CPython's default limit of 1000 frames.
def depth_sum(n):
    return 0 if n == 0 else n + depth_sum(n - 1)

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

def build(n):
    return () if n == 0 else (n,) + build(n - 1)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

def count_down(n, acc=0):
    return acc if n == 0 else count_down(n - 1, acc + n % 7)

print(depth_sum(900), is_even(800), is_odd(801), is_even(7))
t = build(900)
print(len(t), t[:3], t[-3:], sum(t))
print(ackermann(2, 3), ackermann(3, 3), count_down(950))
def hanoi(n, a="A", b="B", c="C"):
    if n == 0:
        return ()
    return hanoi(n - 1, a, c, b) + ((a, c),) + hanoi(n - 1, b, a, c)
moves = hanoi(10)
print(len(moves), moves[:3], moves[-1])
