# for-else / while-else with nested loops and break flags.
def find_pair(nums, target):
    for i, a in enumerate(nums):
        for b in nums[i + 1:]:
            if a + b == target:
                break
        else:
            continue
        return a, b
    else:
        return None

print(find_pair([1, 4, 6, 9], 10), find_pair([1, 2], 10), find_pair([], 0))
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d = d + 1
    else:
        return True
    return False

print([n for n in range(30) if is_prime(n)])
for n in range(3):
    pass
else:
    print("for finished, n =", n)
k = 5
while k > 0:
    k = k - 2
else:
    print("while finished, k =", k)
for i in range(3):
    for j in range(3):
        if j > i:
            break
        if (i + j) % 2:
            continue
        print("pair", i, j)
