# Matrix operations with nested comprehensions over tuples.
A = ((1, 2, 3), (4, 5, 6))
B = ((7, 8), (9, 10), (11, 12))
def matmul(X, Y):
    return tuple(tuple(sum(a * b for a, b in zip(row, col)) for col in zip(*Y)) for row in X)
def transpose(X):
    return tuple(zip(*X))
def identity(n):
    return tuple(tuple(1 if i == j else 0 for j in range(n)) for i in range(n))
print(matmul(A, B), transpose(A), identity(3))
print(matmul(identity(2), matmul(A, B)) == matmul(A, B), matmul(B, A))
print([sum(row) for row in A], [sum(col) for col in zip(*A)], sum(map(sum, A)))
diag = [B[i][i] for i in range(min(len(B), len(B[0])))]
print(diag, [[x for x in row if x % 2 == 0] for row in B], [x for row in B for x in row if x > 8])
flat = [x for row in A for x in row]
print(flat, [flat[i:i + 2] for i in range(0, len(flat), 2)], tuple(map(tuple, zip(flat[::2], flat[1::2]))))
print({(i, j): v for i, row in enumerate(A) for j, v in enumerate(row) if v % 2}, [row[::-1] for row in reversed(A)])
