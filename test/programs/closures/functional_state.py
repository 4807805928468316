# State carried by returning new closures instead of mutating.
def counter(n=0):
    def get():
        return n
    def inc(by=1):
        return counter(n + by)
    return get, inc

get, inc = counter()
for _ in range(3):
    get, inc = inc(2)
print(get())

def stack(items=()):
    def push(x):
        return stack(items + (x,))
    def pop():
        return items[-1], stack(items[:-1])
    def size():
        return len(items)
    return {"push": push, "pop": pop, "size": size}

s = stack()
s = s["push"](1)["push"](2)["push"](3)
top, s2 = s["pop"]()
print(top, s2["size"](), s["size"]())

def memo_fib():
    def fib(n, table):
        if n in table:
            return table[n], table
        a, t1 = fib(n - 1, table)
        b, t2 = fib(n - 2, t1)
        return a + b, t2 | {n: a + b}
    return lambda n: fib(n, {0: 0, 1: 1})[0]
print(memo_fib()(90))
