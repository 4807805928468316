# Module-level numbers that the module keeps rebinding (a loop variable read by a
# comprehension or a function): kernels first fold the value, then, once it changes, read it
# at run time, so later calls stay compiled and parallel. A change of type (int to float, to
# a big int) makes the kernel give up and the general code run, as before.
xs = [((i * 7919) % 1000) * 0.001 for i in range(200000)]


def scaled_sum(ys):
    return sum(y * k for y in ys)


def over(ys):
    return sum(1 for y in ys if y > limit)


total = 0.0
for k in range(6):
    total = total + sum(x * k for x in xs) + scaled_sum(xs)
print(total)

counts = []
for limit in [0.25, 0.5, 0.75, 2, 10**20]:
    counts = counts + [over(xs)]
print(counts)

flag = True
for step in range(4):
    flag = not flag
    print(sum(x for x in xs if (x > 0.5) == flag), [x * step for x in xs[:3]])

k = 2**70
print(sum(x * k for x in xs[:5]), scaled_sum([1.0, 2.0]))
k = 1.5
print(sum(x * k for x in xs[:5]), scaled_sum([1.0, 2.0]))
