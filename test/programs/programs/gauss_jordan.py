# Gaussian elimination on tuples: determinant, inverse, solving Ax = b, residuals.

def fmt(m):
    return "\n".join("  [" + ", ".join(f"{v:9.4f}" for v in row) + "]" for row in m)

def identity(n):
    return tuple(tuple(1.0 if i == j else 0.0 for j in range(n)) for i in range(n))

def matmul(a, b):
    return tuple(tuple(sum(x * y for x, y in zip(row, col)) for col in zip(*b)) for row in a)

def replace_row(m, i, row):
    return m[:i] + (row,) + m[i + 1:]

def gauss_jordan(a, b):
    # Row-reduce [a | b]; return (determinant, reduced b) with partial pivoting.
    n = len(a)
    aug = tuple(tuple(a[i]) + tuple(b[i]) for i in range(n))
    det = 1.0
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(aug[r][col]))
        if abs(aug[pivot][col]) < 1e-12:
            return 0.0, None
        if pivot != col:
            aug = replace_row(replace_row(aug, col, aug[pivot]), pivot, aug[col])
            det = -det
        p = aug[col][col]
        det = det * p
        prow = tuple(v / p for v in aug[col])
        aug = replace_row(aug, col, prow)
        aug = tuple(row if i == col else tuple(v - row[col] * pv for v, pv in zip(row, prow))
                    for i, row in enumerate(aug))
    return det, tuple(row[n:] for row in aug)

A = ((4.0, -2.0, 1.0), (-2.0, 4.0, -2.0), (1.0, -2.0, 4.0))
det, inv = gauss_jordan(A, identity(3))
print("det(A) =", round(det, 10))
print("inverse:")
print(fmt(inv))
check = matmul(A, inv)
print("max |A*inv - I| < 1e-12:", max(abs(check[i][j] - (i == j)) for i in range(3) for j in range(3)) < 1e-12)
b = ((11.0,), (-16.0,), (17.0,))
_, x = gauss_jordan(A, b)
print("x =", [round(v[0], 10) for v in x])
residual = [r[0] - s[0] for r, s in zip(matmul(A, x), b)]
print("residual ok:", all(abs(r) < 1e-9 for r in residual))
S = ((1.0, 2.0), (2.0, 4.0))
print("singular:", gauss_jordan(S, identity(2)))
P = ((0.0, 1.0, 0.0), (0.0, 0.0, 1.0), (1.0, 0.0, 0.0))
dp, pinv = gauss_jordan(P, identity(3))
print("perm det", dp, "inverse is transpose:", pinv == tuple(zip(*P)))
H = tuple(tuple(1.0 / (i + j + 1) for j in range(4)) for i in range(4))
dh, hinv = gauss_jordan(H, identity(4))
print(f"hilbert det = {dh:.6e}", "corner", round(hinv[0][0], 6), round(hinv[3][3], 4))
