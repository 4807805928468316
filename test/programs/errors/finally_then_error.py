# finally runs (and prints) before the exception propagates out of the program.
def risky(n):
    try:
        print("trying", n)
        return 100 // n
    finally:
        print("cleanup", n)

print(risky(5))
print(risky(0))
